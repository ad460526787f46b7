package dev.sessiondb.ui.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.ui.common.ShownAhead;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The sessions table's stand-in is built ahead a row per pulse, as many rows as the table shows, and leaves the table as it was. */
@ExtendWith(ApplicationExtension.class)
class TableAheadTest {

    private TableView<SessionRow> table;
    private VBox window;

    @Start
    void start(Stage stage) {
        table = new TableView<>();
        table.setId("sessions-table");
        for (SessionColumn shown : SessionColumn.values()) {
            TableColumn<SessionRow, String> column = new TableColumn<>(shown.header());
            column.setPrefWidth(shown.width());
            column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().text(shown)));
            table.getColumns().add(column);
        }
        window = new VBox(table);
        Scene scene = new Scene(window, 900, 500);
        scene.getStylesheets().add(TableAhead.class.getResource("/dev/sessiondb/ui/app.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void itBuildsAScreenfulOfRowsAndEndsEmpty() throws Exception {
        TableAhead ahead = onFx(() -> new TableAhead(table));
        int[] mostRows = new int[1];
        WaitForAsyncUtils.asyncFx(() -> {
            window.getScene().addPostLayoutPulseListener(() -> mostRows[0] = Math.max(mostRows[0], ahead.lookupAll(".table-row-cell").size()));
            new ShownAhead(window).prepare(List.of(ahead));
        }).get();

        waitFor(() -> window.getChildren().size() == 1); // the hidden group gone: the stand-in is built
        int screenful = onFx(() -> (int) Math.ceil(table.getHeight() / ahead.getFixedCellSize()));
        assertThat(screenful).isGreaterThan(5);
        assertThat(onFx(() -> mostRows[0])).isGreaterThanOrEqualTo(screenful);
        assertThat(onFx(() -> List.copyOf(ahead.getItems()))).isEmpty();
        assertThat(onFx(() -> List.copyOf(table.getItems()))).isEmpty();
        assertThat(onFx(ahead::getParent)).isNull();
    }

    @Test
    void itStopsWhenTheTableShowsAStoreFirst() throws Exception {
        TableAhead ahead = onFx(() -> new TableAhead(table));
        WaitForAsyncUtils.asyncFx(() -> {
            table.getItems().add(SessionRow.loading(0));
            new ShownAhead(window).prepare(List.of(ahead));
        }).get();

        waitFor(() -> window.getChildren().size() == 1);
        assertThat(onFx(() -> ahead.lookupAll(".table-row-cell").size())).isZero();
        assertThat(onFx(() -> List.copyOf(ahead.getItems()))).isEmpty();
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(condition));
    }

    /** A value read on the FX thread, as dev.sessiondb.ui.AppState (package-private there) reads: a copy, never a live list. */
    private static <T> T onFx(Callable<T> value) throws Exception {
        return WaitForAsyncUtils.asyncFx(value).get();
    }
}
