package dev.sessiondb.ui.common;

import java.util.Optional;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/** Small builders that give every control its tooltip and accessible text in one place. */
public final class Controls {

    /** What a list of {@link #wrapLines wrapped lines} keeps beside its text: the cell's padding and the scroll bar's width. */
    public static final double WRAPPED_LINE_MARGIN = 32;

    private Controls() {
    }

    /** A button whose text is shown as given: see {@link #asWritten}. */
    public static Button button(String text, String help, Runnable action) {
        Button button = asWritten(new Button(text));
        button.setOnAction(event -> action.run());
        return describe(button, help);
    }

    /**
     * Shows the text as written: the app uses no mnemonics, and a control's text often holds data (a store's name,
     * a filter's value, a field), whose first underscore mnemonic parsing would take as a marker and hide.
     */
    public static <T extends Labeled> T asWritten(T control) {
        control.setMnemonicParsing(false);
        return control;
    }

    /** A menu item whose text is shown as written (see {@link #asWritten(Labeled)}). */
    public static <T extends MenuItem> T asWritten(T item) {
        item.setMnemonicParsing(false);
        return item;
    }

    public static <T extends Control> T describe(T control, String help) {
        control.setTooltip(new Tooltip(help));
        control.setAccessibleText(help);
        return control;
    }

    /**
     * A table whose columns share its width (none cut off, no sideways scroll), read out as {@code help}, and saying
     * {@code empty} while it has no rows.
     */
    public static <T> TableView<T> fittedTable(String id, ObservableList<T> rows, String help, String empty) {
        TableView<T> table = new TableView<>(rows);
        table.setId(id);
        table.setAccessibleText(help);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setPlaceholder(emptyState(empty));
        return table;
    }

    /** A centred message for an empty table, list or pane: says what is missing and what to do. */
    public static Label emptyState(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setTextAlignment(TextAlignment.CENTER);
        label.setAlignment(Pos.CENTER);
        label.setMaxWidth(420);
        label.getStyleClass().add("text-muted");
        label.setAccessibleText(text);
        return label;
    }

    /** Long lines (backup ids, paths, messages) wrap inside the list instead of hiding behind a sideways scroll. */
    public static void wrapLines(ListView<String> list) {
        list.setCellFactory(view -> new ListCell<>() {
            // a Text wrapped at the list's width is as tall as all its lines: a wrapped cell's own text was cut at "…" after two
            private final Text shown = new Text();

            {
                shown.wrappingWidthProperty().bind(view.widthProperty().subtract(WRAPPED_LINE_MARGIN));
                shown.fillProperty().bind(textFillProperty());
                shown.fontProperty().bind(fontProperty());
                setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item); // not drawn (the Text is), but what a screen reader reads
                // a backup's path breaks after a slash, not mid-word; the item, which a copy takes, stays as it is
                shown.setText(empty ? null : BreakableText.shown(item));
                setGraphic(empty ? null : shown);
            }
        });
    }

    /** Whether the focus is on {@code pane} or a node inside it. */
    public static boolean holdsFocus(Node pane) {
        Node owner = pane.getScene() == null ? null : pane.getScene().getFocusOwner();
        while (owner != null && owner != pane) {
            owner = owner.getParent();
        }
        return owner != null;
    }

    /** The first control inside {@code node} that Tab would reach: shown and enabled. */
    public static Optional<Node> firstControl(Node node) {
        if (!node.isVisible() || node.isDisabled()) {
            return Optional.empty();
        }
        if (node.isFocusTraversable()) {
            return Optional.of(node);
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                Optional<Node> found = firstControl(child);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    public static Region spacer() {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return spacer;
    }

    public static <T extends Node> T styled(T node, String... styleClasses) {
        node.getStyleClass().addAll(styleClasses);
        return node;
    }
}
