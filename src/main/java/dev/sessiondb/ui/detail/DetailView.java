package dev.sessiondb.ui.detail;

import dev.sessiondb.model.SecretMasker;
import dev.sessiondb.model.SessionDocument;
import dev.sessiondb.ui.common.Controls;
import dev.sessiondb.ui.diff.FieldRow;
import dev.sessiondb.ui.diff.SideBySideTable;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The selected session: a header, the field tree and conversation tabs, and an edit form in place of them. */
public final class DetailView extends StackPane {

    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);

    private final DetailViewModel viewModel;
    private final TreeTableView<FieldNode> tree = new TreeTableView<>();
    private final Tab conversation = new Tab("Conversation");
    private final EditFormGrid formGrid = new EditFormGrid();

    /** @param showSessions gives the focus to the sessions, when the session it was on leaves the pane (deleted) */
    public DetailView(DetailViewModel viewModel, Runnable showSessions) {
        this.viewModel = viewModel;
        setId("detail-view");
        // narrow enough that on a small screen the sessions table keeps the room it needs
        setMinWidth(220);
        setPrefWidth(420);

        Button edit = Controls.button("Edit", "Edit this session's fields", viewModel::startEditing);
        edit.setId("edit-session");
        VBox content = new VBox(8, header(edit), conflict(), body(edit));
        content.setPadding(new Insets(10));
        content.visibleProperty().bind(viewModel.selectedProperty());
        // the focus on a session gone (its Delete button) goes back to the sessions, not on to the window's last control nor
        // to the Delete button of the session the table selects in its place
        viewModel.recordProperty().addListener((property, was, now) -> {
            boolean anotherSession = was != null && (now == null || !now.key().equals(was.key()));
            if (anotherSession && Controls.holdsFocus(content)) {
                showSessions.run();
            }
        });
        Label empty = Controls.emptyState("Select a session to see all of its fields.");
        empty.visibleProperty().bind(viewModel.selectedProperty().not());
        getChildren().addAll(empty, content);
    }

    private VBox header(Button edit) {
        Label title = Controls.styled(new Label(), "title-3");
        title.setId("detail-title");
        title.textProperty().bind(viewModel.titleProperty());
        title.setWrapText(true);
        Label subtitle = Controls.styled(new Label(), "text-muted");
        subtitle.textProperty().bind(viewModel.subtitleProperty());
        subtitle.setWrapText(true);

        Button delete = Controls.button("Delete…", "Delete this session (asks first; Ctrl+Z undoes it)", viewModel::delete);
        delete.setId("delete-session");
        delete.getStyleClass().add("danger");
        MenuItem json = new MenuItem("JSON (the whole record)…");
        json.setOnAction(event -> viewModel.export(SessionDocument.Format.JSON));
        MenuItem markdown = new MenuItem("Markdown transcript…");
        markdown.setId("export-session-markdown");
        markdown.setOnAction(event -> viewModel.export(SessionDocument.Format.MARKDOWN));
        markdown.disableProperty().bind(viewModel.conversationProperty().not());
        MenuButton export = new MenuButton("Export", null, json, markdown);
        export.setId("export-session");
        Controls.describe(export, "Save this session to a file: the whole record as JSON, or its conversation as Markdown; secrets are masked");
        // a narrow pane wraps the buttons to a second row: squeezed into one, they read "…", "Ex…" and "Dele…"
        FlowPane actions = new FlowPane(6, 6, edit, export, delete);
        actions.disableProperty().bind(viewModel.editingProperty().or(viewModel.damageProperty().isNotEmpty()));
        Label damage = Controls.styled(new Label(), "text-danger");
        damage.setId("detail-damage");
        damage.setWrapText(true);
        damage.textProperty().bind(viewModel.damageProperty());
        damage.visibleProperty().bind(viewModel.damageProperty().isNotEmpty());
        damage.managedProperty().bind(damage.visibleProperty());
        VBox header = new VBox(4, title, subtitle, actions, damage);
        // the buttons' second row would otherwise be taken from the subtitle, cut to "…": the field tree below gives the room
        header.setMinHeight(Region.USE_PREF_SIZE);
        return header;
    }

    /** An edit refused because the record changed underneath: why, both versions, and a reload. */
    private VBox conflict() {
        Label message = Controls.styled(new Label(), "text-bold");
        message.setId("detail-conflict-message");
        message.setWrapText(true);
        message.textProperty().bind(viewModel.conflictProperty());
        TableView<FieldRow> versions = SideBySideTable.create("detail-conflict", viewModel.conflictRows(), "Yours, not written", "In the store now", "");
        versions.setPrefHeight(220);
        Button reload = Controls.button("Reload", "Show the session as the store holds it now", viewModel::reloadAfterConflict);
        reload.setId("detail-conflict-reload");
        VBox pane = new VBox(6, message, versions, reload);
        pane.visibleProperty().bind(viewModel.conflictProperty().isNotEmpty());
        pane.managedProperty().bind(pane.visibleProperty());
        return pane;
    }

    private StackPane body(Button edit) {
        TabPane tabs = new TabPane(new Tab("Fields", fieldTree()), conversation);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("detail-tabs");
        conversation.setId("detail-conversation-tab");
        ListView<DetailViewModel.MessageLine> said = conversationList();
        conversation.setContent(said);
        viewModel.foundMessageProperty().addListener((property, before, found) -> showFoundMessage(tabs, said, found.intValue()));
        viewModel.messages().addListener((ListChangeListener<DetailViewModel.MessageLine>) change ->
                conversation.setDisable(viewModel.messages().isEmpty()));
        conversation.setDisable(true);
        tabs.visibleProperty().bind(viewModel.editingProperty().not().and(viewModel.damageProperty().isEmpty()));

        VBox form = editForm();
        form.visibleProperty().bind(viewModel.editingProperty());
        // the form hides once saved or left with Esc: the focus in it goes back to Edit, not on to the window's last control
        viewModel.editingProperty().addListener((property, was, editing) -> {
            if (!editing && Controls.holdsFocus(form)) {
                edit.requestFocus();
            }
        });
        StackPane body = new StackPane(tabs, form);
        VBox.setVgrow(body, Priority.ALWAYS);
        return body;
    }

    /** A session the table's search found by what a message said opens on that message, selected. */
    private void showFoundMessage(TabPane tabs, ListView<DetailViewModel.MessageLine> said, int found) {
        if (found >= 0 && found < said.getItems().size()) {
            tabs.getSelectionModel().select(conversation);
            said.getSelectionModel().select(found);
            said.scrollTo(found);
        }
    }

    private TreeTableView<FieldNode> fieldTree() {
        tree.setId("detail-fields");
        tree.setAccessibleText("All fields of the selected session; nested objects expand");
        tree.setShowRoot(false);
        tree.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TreeTableColumn<FieldNode, String> name = new TreeTableColumn<>("Field");
        name.setPrefWidth(110);
        // the resize policy gives the value column what the pane gains, and took this one to nothing when it narrowed again
        name.setMinWidth(80);
        name.setMaxWidth(150);
        name.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().getValue().name()
                + (cell.getValue().getValue().unknown() ? "  (unknown)" : "")));
        // a name wider than its column (backendType in a narrow pane) wraps as a value does rather than read "backend…"
        name.setCellFactory(column -> new FieldTextCell());
        TreeTableColumn<FieldNode, String> value = new TreeTableColumn<>("Value");
        value.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().getValue().value()));
        value.setCellFactory(column -> new FieldTextCell());
        tree.getColumns().add(name);
        tree.getColumns().add(value);
        // a long value is cut after a few lines in its cell: Ctrl+C, or the row's menu, copies it whole, as shown (secrets masked)
        tree.setOnKeyPressed(event -> {
            if (COPY.match(event)) {
                copySelectedValue();
            }
        });
        MenuItem copy = new MenuItem("Copy value (Ctrl+C)");
        copy.setId("copy-field-value");
        copy.setOnAction(event -> copySelectedValue());
        tree.setContextMenu(new ContextMenu(copy));
        viewModel.fields().addListener((ListChangeListener<FieldNode>) change -> tree.setRoot(root(viewModel.fields())));
        return tree;
    }

    private void copySelectedValue() {
        TreeItem<FieldNode> selected = tree.getSelectionModel().getSelectedItem();
        if (selected != null) {
            ClipboardContent content = new ClipboardContent();
            content.putString(selected.getValue().value());
            Clipboard.getSystemClipboard().setContent(content);
        }
    }

    private static TreeItem<FieldNode> root(List<FieldNode> nodes) {
        TreeItem<FieldNode> root = new TreeItem<>(new FieldNode("", "", false, nodes));
        nodes.forEach(node -> root.getChildren().add(item(node)));
        return root;
    }

    private static TreeItem<FieldNode> item(FieldNode node) {
        TreeItem<FieldNode> item = new TreeItem<>(node);
        node.children().forEach(child -> item.getChildren().add(item(child)));
        item.setExpanded(node.children().size() <= 6);
        return item;
    }

    private ListView<DetailViewModel.MessageLine> conversationList() {
        ListView<DetailViewModel.MessageLine> list = Controls.describe(new ListView<>(viewModel.messages()), "The session's conversation, oldest first");
        list.setId("detail-conversation");
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(DetailViewModel.MessageLine line, boolean empty) {
                super.updateItem(line, empty);
                if (empty || line == null) {
                    setGraphic(null);
                    return;
                }
                Label who = Controls.styled(new Label(line.role() + "  " + line.shownTime()), "text-small", "text-muted");
                Label text = new Label(line.content());
                text.setWrapText(true);
                text.maxWidthProperty().bind(view.widthProperty().subtract(40));
                VBox message = new VBox(3, who, text);
                message.setPadding(new Insets(6, 4, 6, 4));
                setGraphic(message);
                setAccessibleText(line.role() + " at " + line.writtenTime() + ": " + line.content());
            }

            /** The list asks for a height at the cell's width, which a ListCell does not pass on: a long message was one line, cut off. */
            @Override
            protected double computePrefHeight(double width) {
                Node message = getGraphic();
                return message == null || width < 0 ? super.computePrefHeight(width)
                        : snappedTopInset() + message.prefHeight(width - snappedLeftInset() - snappedRightInset()) + snappedBottomInset();
            }
        });
        return list;
    }

    private VBox editForm() {
        viewModel.form().addListener((ListChangeListener<DetailViewModel.FormField>) change -> fillForm());
        ScrollPane scroll = new ScrollPane(formGrid);
        scroll.setFitToWidth(true);
        scroll.viewportBoundsProperty().addListener((property, before, viewport) -> formGrid.fitTo(viewport.getWidth()));
        VBox.setVgrow(scroll, Priority.ALWAYS);

        Label problems = Controls.styled(new Label(), "text-danger");
        problems.setId("edit-problems");
        problems.textProperty().bind(viewModel.problemsProperty());
        problems.setWrapText(true);
        problems.managedProperty().bind(problems.textProperty().isNotEmpty());

        Button save = Controls.button("Save", "Check and save the changes (Ctrl+Z undoes them)", viewModel::save);
        save.setId("save-session");
        save.setDefaultButton(true);
        save.getStyleClass().add("accent");
        Button cancel = Controls.button("Cancel", "Leave the session as it is", viewModel::cancelEditing);
        cancel.setCancelButton(true);
        HBox buttons = new HBox(6, save, cancel);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        return new VBox(8, scroll, problems, buttons);
    }

    private static TextField textField(DetailViewModel.FormField field) {
        TextField input = new TextField();
        input.textProperty().bindBidirectional(field.text());
        input.setEditable(field.field().editable());
        return input;
    }

    /** A true/false field as a check box: nothing else can be typed into it. */
    private static CheckBox checkBox(DetailViewModel.FormField field) {
        CheckBox box = new CheckBox();
        box.setSelected(Boolean.parseBoolean(field.text().get()));
        box.selectedProperty().addListener((property, before, checked) -> field.text().set(String.valueOf(checked)));
        return box;
    }

    private void fillForm() {
        List<Label> names = new ArrayList<>();
        List<Control> inputs = new ArrayList<>();
        for (DetailViewModel.FormField field : viewModel.form()) {
            String name = SecretMasker.maskText(null, field.field().name()); // a token kept as a name is masked as the Fields tab masks it
            Label label = new Label(name);
            String help = field.field().editable() ? "Value of " + name : name + " cannot be edited here: " + field.field().reason();
            Control input = field.field().yesNo() ? checkBox(field) : textField(field);
            input.setId("edit-" + field.field().name());
            input.setDisable(!field.field().editable());
            Controls.describe(input, help);
            label.setLabelFor(input);
            names.add(label);
            inputs.add(input);
        }
        formGrid.show(names, inputs);
    }
}
