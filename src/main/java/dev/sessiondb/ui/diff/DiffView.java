package dev.sessiondb.ui.diff;

import dev.sessiondb.diff.DiffSummary;
import dev.sessiondb.ui.common.Controls;
import dev.sessiondb.ui.common.EnterPresses;
import dev.sessiondb.ui.common.KnownStores;
import dev.sessiondb.ui.common.StorePicker;
import dev.sessiondb.ui.wizard.WizardPages;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Two stores compared: pickers and ignore list, the summary, the differences, and the selected one side by side. */
public final class DiffView extends VBox {


    private final DiffViewModel viewModel;
    private TableView<DiffRow> differences;

    public DiffView(DiffViewModel viewModel, KnownStores known) {
        super(10);
        this.viewModel = viewModel;
        setId("diff-view");
        setPadding(new Insets(12));
        getStylesheets().add(DiffView.class.getResource("diff.css").toExternalForm());

        Button compare = Controls.button("Compare", "Compare the two stores (or the two sessions) now", viewModel::compare);
        compare.setId("diff-compare");
        compare.getStyleClass().add("accent");
        compare.disableProperty().bind(viewModel.busyProperty());
        HBox actions = new HBox(10, compare, WizardPages.statusLine("diff-status", viewModel.statusProperty(), viewModel.busyProperty()));
        actions.setAlignment(Pos.CENTER_LEFT);

        SplitPane results = new SplitPane(differences(), sideBySide());
        results.setDividerPositions(0.45);
        VBox.setVgrow(results, Priority.ALWAYS);
        GridPane form = form(known);
        // Enter in a field compares: the keyboard went through two Browse buttons, the sessions and the ignore list to Compare
        EnterPresses.button(form, compare);
        // and then goes on to the differences found, as the sessions' search does: it stayed in the field, Tabs away from them
        viewModel.rows().addListener((ListChangeListener<DiffRow>) change -> {
            if (!viewModel.rows().isEmpty() && Controls.holdsFocus(form)) {
                differences.requestFocus();
            }
        });
        getChildren().addAll(form, actions, summary(), results);
    }

    private GridPane form(KnownStores known) {
        GridPane form = WizardPages.form();
        form.addRow(0, new Label("Store A"), new StorePicker("diff-store-a", "The first store to compare", viewModel.storeA().textProperty(), known, viewModel.storeA()::browse));
        form.addRow(1, new Label("Store B"), new StorePicker("diff-store-b", "The second store to compare", viewModel.storeB().textProperty(), known, viewModel.storeB()::browse));
        TextField sessionA = textField("diff-session-a", "A session of store A to compare on its own (optional)", viewModel.sessionAProperty());
        TextField sessionB = textField("diff-session-b", "A session of store B to compare with it (optional: empty compares the same session of B)",
                viewModel.sessionBProperty());
        sessionA.setPromptText("session in A (optional)");
        sessionB.setPromptText("session in B (optional: the same as A's)");
        HBox sessions = new HBox(8, sessionA, sessionB);
        HBox.setHgrow(sessionA, Priority.ALWAYS);
        HBox.setHgrow(sessionB, Priority.ALWAYS);
        form.addRow(2, new Label("Two sessions"), sessions);
        form.addRow(3, new Label("Ignore fields"), ignoreList());
        return form;
    }

    private HBox ignoreList() {
        TextField field = textField("diff-ignore-field", "A field to leave out of the comparison, such as pullRequest.lastSynced", viewModel.newIgnoredProperty());
        field.setPromptText("field path, e.g. lastActivity");
        field.setPrefColumnCount(18);
        field.setOnAction(event -> viewModel.addIgnored());
        Button add = Controls.button("Ignore", "Leave this field out of the comparison", viewModel::addIgnored);
        add.setId("diff-ignore-add");
        add.setMinWidth(Region.USE_PREF_SIZE);
        FlowPane chips = new FlowPane(6, 6);
        chips.setId("diff-ignored");
        Runnable refresh = () -> chips.getChildren().setAll(viewModel.ignored().stream().map(path -> {
            Button chip = Controls.button(path + "  ✕", "Compare " + path + " again", () -> viewModel.removeIgnored(path));
            chip.getStyleClass().addAll("small", "button-outlined");
            return chip;
        }).toList());
        viewModel.ignored().addListener((ListChangeListener<String>) change -> refresh.run());
        refresh.run();
        HBox row = new HBox(8, field, add, chips);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(chips, Priority.ALWAYS);
        return row;
    }

    /** The counts, and above them first, where the stores share no kind of session (or the two sessions are two tools'), that they do not (the wrong store picked?). */
    private VBox summary() {
        HBox cards = new HBox(12, card("diff-only-a", "Only in A", DiffSummary::onlyInA), card("diff-only-b", "Only in B", DiffSummary::onlyInB),
                card("diff-changed", "Changed", DiffSummary::changed), card("diff-identical", "Identical", DiffSummary::identical));
        Label kindsApart = Controls.styled(new Label(), "text-bold", "warning");
        kindsApart.setId("diff-kinds-apart");
        kindsApart.setWrapText(true);
        kindsApart.textProperty().bind(Bindings.createStringBinding(() -> viewModel.summaryProperty().get() == null ? ""
                : viewModel.summaryProperty().get().differentKinds().orElse(""), viewModel.summaryProperty()));
        kindsApart.visibleProperty().bind(kindsApart.textProperty().isNotEmpty());
        kindsApart.managedProperty().bind(kindsApart.visibleProperty());
        VBox summary = new VBox(6, kindsApart, cards);
        summary.visibleProperty().bind(viewModel.summaryProperty().isNotNull());
        summary.managedProperty().bind(summary.visibleProperty());
        return summary;
    }

    private VBox card(String id, String title, ToLongFunction<DiffSummary> count) {
        Label number = Controls.styled(new Label(), "title-3");
        number.setId(id);
        number.textProperty().bind(Bindings.createStringBinding(() -> viewModel.summaryProperty().get() == null ? ""
                : String.format("%,d", count.applyAsLong(viewModel.summaryProperty().get())), viewModel.summaryProperty()));
        VBox card = new VBox(2, number, Controls.styled(new Label(title), "text-muted"));
        card.setPadding(new Insets(6, 16, 6, 16));
        card.getStyleClass().add("diff-card");
        card.accessibleTextProperty().bind(Bindings.concat(title, ": ", number.textProperty()));
        return card;
    }

    private VBox differences() {
        TableView<DiffRow> table = new TableView<>(viewModel.rows());
        differences = table;
        table.setId("diff-table");
        table.setAccessibleText("Differences between the stores; select one to see both records");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.placeholderProperty().bind(Bindings.createObjectBinding(() -> Controls.emptyState(viewModel.summaryProperty().get() == null
                ? "No differences to show. Choose two stores and press Compare."
                : "No differences: both stores hold the same sessions, field for field."), viewModel.summaryProperty()));
        // a typical Minsky key shows whole (mt#456-some-title, task-md#123): at 105 px they were cut to "mt#456-some…"
        table.getColumns().add(column("Session", DiffRow::session, 170));
        // "Changed (in A and B)" whole: at 150 px it read "Changed (in A an…"
        table.getColumns().add(column("Difference", DiffRow::where, 175));
        table.getColumns().add(column("Changed fields", DiffRow::fields, 150));
        table.getColumns().get(0).setMinWidth(150);
        table.getColumns().get(1).setMinWidth(175);
        table.getColumns().get(2).setMinWidth(125); // its title whole, where the Session column's room left it "Changed fie…"
        table.getSelectionModel().selectedItemProperty().addListener((property, before, after) -> viewModel.select(after));
        // the one row of two sessions compared comes selected by the ViewModel: the table shows it so
        viewModel.selectedProperty().addListener((property, before, after) -> {
            if (after != null && after != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(after);
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        return new VBox(6, Controls.styled(new Label("Differences"), "text-bold"), table);
    }

    private VBox sideBySide() {
        TableView<FieldRow> table = SideBySideTable.create("diff-records", viewModel.comparison(), "A", "B",
                "Select a difference to see both records side by side.");
        Label title = Controls.styled(new Label(), "text-bold");
        title.setId("diff-record-title");
        title.textProperty().bind(Bindings.when(viewModel.comparedTitleProperty().isEmpty()).then("Side by side")
                .otherwise(viewModel.comparedTitleProperty()));
        VBox.setVgrow(table, Priority.ALWAYS);
        return new VBox(6, title, table);
    }

    private static TextField textField(String id, String help, StringProperty text) {
        TextField field = Controls.describe(new TextField(), help);
        field.setId(id);
        field.textProperty().bindBidirectional(text);
        return field;
    }

    private static <S> TableColumn<S, String> column(String title, Function<S, String> value, double width) {
        TableColumn<S, String> column = WizardPages.column(title, value);
        column.setPrefWidth(width);
        return column;
    }
}
