package dev.sessiondb.ui.sessions;

import dev.sessiondb.ui.common.TooltipOnHover;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;

/**
 * The sessions table's "Found in" column: while a search is active, where it found each session (the first place and a snippet;
 * every place in the tooltip, made on hover). Not one of the Columns menu's: it comes and goes with the search, the user's choices untouched.
 */
final class FoundInColumn {

    static final String ID = "column-found-in";

    private FoundInColumn() {
    }

    static TableColumn<SessionRow, ObservableValue<FoundInRows.Shown>> of(FoundInRows foundIn) {
        TableColumn<SessionRow, ObservableValue<FoundInRows.Shown>> column = new TableColumn<>("Found in");
        column.setId(ID);
        column.setPrefWidth(400);
        column.setMinWidth(120);
        column.setSortable(false);
        column.visibleProperty().bind(foundIn.activeProperty());
        // each list of rows has places of its own: a row equal to one of the search before is not taken for it
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(
                cell.getValue().isLoaded() && foundIn.activeProperty().get() ? foundIn.of(cell.getValue()) : null));
        column.setCellFactory(view -> new FoundInCell());
        return column;
    }

    /** A row's places, shown once found: a cell waits for them without holding up the table. */
    private static final class FoundInCell extends TableCell<SessionRow, ObservableValue<FoundInRows.Shown>> {
        private final ChangeListener<FoundInRows.Shown> arrived = (property, before, shown) -> show(shown);
        private ObservableValue<FoundInRows.Shown> places;
        /** Every place, a line each: the tooltip's text. */
        private String every;
        private final TooltipOnHover everyPlace = TooltipOnHover.install(this, () -> every);

        @Override
        protected void updateItem(ObservableValue<FoundInRows.Shown> rowPlaces, boolean empty) {
            super.updateItem(rowPlaces, empty);
            if (places != null) {
                places.removeListener(arrived);
            }
            places = empty ? null : rowPlaces;
            if (places != null) {
                places.addListener(arrived);
            }
            show(places == null ? null : places.getValue());
        }

        private void show(FoundInRows.Shown shown) {
            setText(shown == null ? null : shown.first());
            every = shown == null ? null : shown.every();
            everyPlace.refresh();
        }
    }
}
