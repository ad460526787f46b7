package dev.sessiondb.ui.diff;

import dev.sessiondb.diff.TextChanges;
import dev.sessiondb.diff.UnseenText;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Window;

/**
 * Every place two long values differ, in a window of its own: each in its context, A's part struck through and B's
 * part marked as added, as a reader of a text diff expects. A list, so that a value edited in a thousand places scrolls.
 */
final class PlacesWindow {

    private PlacesWindow() {
    }

    /**
     * @param name   what the value is ("notes"), for the title
     * @param places the places, over the values as the table masks them
     */
    static void show(Window owner, String name, TextChanges places) {
        Label heading = new Label(name + ": " + places.summary());
        heading.setId("places-heading");
        heading.setWrapText(true);
        ListView<TextChanges.Place> list = new ListView<>();
        list.setId("places-list");
        list.getItems().setAll(places.places());
        list.setCellFactory(view -> new PlaceCell(places));
        list.setAccessibleText("Each place " + name + " differs, A's part struck through, B's marked as added");
        ReadingWindow.show(owner, name + ": where A and B differ", heading, list);
        list.requestFocus();
    }

    /** One place: where it is, then its context with A's part and B's part marked. */
    private static final class PlaceCell extends ListCell<TextChanges.Place> {

        private final TextChanges places;

        PlaceCell(TextChanges places) {
            this.places = places;
        }

        @Override
        protected void updateItem(TextChanges.Place place, boolean empty) {
            super.updateItem(place, empty);
            setText(null);
            if (empty || place == null) {
                setGraphic(null);
                return;
            }
            TextChanges.Excerpt excerpt = places.excerpt(place);
            Label where = new Label("Differs " + excerpt.where());
            where.getStyleClass().add("diff-where");
            TextFlow around = new TextFlow(part(excerpt.before(), "diff-context"));
            // an empty part drew its strike-through as a stray mark before an insertion
            if (!excerpt.removed().isEmpty()) {
                around.getChildren().add(part(excerpt.removed(), "diff-removed"));
            }
            if (!excerpt.added().isEmpty()) {
                around.getChildren().add(part(excerpt.added(), "diff-added"));
            }
            around.getChildren().add(part(excerpt.after(), "diff-context"));
            // a text flow wraps only at a width it is given: the list's, less the cell's padding and the scroll bar
            around.prefWidthProperty().bind(getListView().widthProperty().subtract(40));
            around.setAccessibleText(excerpt.where() + ": " + (excerpt.removed().isEmpty() ? "" : "removed " + excerpt.removed() + " ")
                    + (excerpt.added().isEmpty() ? "" : "added " + excerpt.added()));
            VBox shown = new VBox(2, where, around);
            shown.setPadding(new Insets(4, 0, 6, 0));
            setGraphic(shown);
        }

        private static Text part(String text, String style) {
            Text part = new Text(UnseenText.escaped(text));
            part.getStyleClass().add(style);
            return part;
        }
    }
}
