package dev.sessiondb.ui.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sessiondb.ui.common.FillWidthResizePolicy;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The sessions table's columns fill a wide table, the free width going to Session, Repo and Branch; a narrow one keeps
 * their own widths and scrolls sideways; a column the user drags keeps the width given to it.
 */
@ExtendWith(ApplicationExtension.class)
class FillWidthResizePolicyTest {

    /** The sum of the columns' own widths (1,070 px) with room to spare, within Monocle's 1280 px screen, and a table narrower than it. */
    private static final double WIDE = 1220;
    private static final double NARROW = 700;

    private TableView<SessionRow> table;
    private final AtomicInteger policyCalls = new AtomicInteger();

    @Start
    void start(Stage stage) {
        table = new TableView<>();
        FillWidthResizePolicy policy = new FillWidthResizePolicy(
                column -> column.getUserData() instanceof SessionColumn shown ? shown.freeWidthShare() : 0);
        table.setColumnResizePolicy(features -> {
            policyCalls.incrementAndGet();
            return policy.call(features);
        });
        for (SessionColumn shown : SessionColumn.values()) {
            TableColumn<SessionRow, String> column = new TableColumn<>(shown.header());
            column.setUserData(shown);
            column.setPrefWidth(shown.width());
            column.setMinWidth(shown.minWidth());
            column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().text(shown)));
            table.getColumns().add(column);
        }
        for (int row = 0; row < 3; row++) {
            table.getItems().add(SessionRow.loading(row));
        }
        // the table's width changes, not the window's: Monocle's headless screen does not take a window resized past it
        StackPane window = new StackPane(table);
        window.setAlignment(Pos.TOP_LEFT);
        stage.setScene(new Scene(window, WIDE, 400));
        stage.sizeToScene();
        stage.show();
    }

    @Test
    void aWideTableGivesItsFreeWidthToSessionRepoAndBranchAndANarrowOneScrolls() throws Exception {
        waitFor(this::filled);
        assertThat(onFx(() -> width(SessionColumn.SESSION) - SessionColumn.SESSION.width()))
                .as("Session and Branch take two shares, Repo one")
                .isCloseTo(2 * onFx(() -> width(SessionColumn.REPO) - SessionColumn.REPO.width()), within(2.0));
        assertThat(onFx(() -> width(SessionColumn.BRANCH) - SessionColumn.BRANCH.width()))
                .isCloseTo(onFx(() -> width(SessionColumn.SESSION) - SessionColumn.SESSION.width()), within(1.0));
        for (SessionColumn keeps : new SessionColumn[] {SessionColumn.TASK, SessionColumn.STATUS, SessionColumn.CREATED, SessionColumn.LAST_ACTIVITY}) {
            assertThat(onFx(() -> width(keeps))).as(keeps.header()).isEqualTo(keeps.width());
        }

        resizeTable(NARROW);
        waitFor(() -> horizontalBarShown() && width(SessionColumn.SESSION) == SessionColumn.SESSION.width());
        for (SessionColumn column : SessionColumn.values()) {
            assertThat(onFx(() -> width(column))).as(column.header()).isEqualTo(column.width());
        }

        resizeTable(WIDE);
        waitFor(this::filled);
    }

    @Test
    void aColumnTheUserDragsKeepsItsWidthAndTheOthersStillFill() throws Exception {
        waitFor(this::filled);
        double session = onFx(() -> width(SessionColumn.SESSION));

        onFx(() -> table.resizeColumn(column(SessionColumn.STATUS), 40));
        waitFor(this::filled);
        assertThat(onFx(() -> width(SessionColumn.STATUS))).isEqualTo(SessionColumn.STATUS.width() + 40);
        assertThat(onFx(() -> width(SessionColumn.SESSION))).as("it gave up some of its share").isLessThan(session);

        onFx(() -> table.resizeColumn(column(SessionColumn.SESSION), -30));
        double dragged = onFx(() -> width(SessionColumn.SESSION));
        waitFor(this::filled);
        resizeTable(WIDE - 60);
        waitFor(() -> filled() && table.getWidth() == WIDE - 60);
        assertThat(onFx(() -> width(SessionColumn.SESSION))).as("the width the user gave it, whatever the window").isEqualTo(dragged);
    }

    /** Scrolling (the 1M table's stalls, BENCHMARKS.md) asks nothing of the policy: the widths are worked out when the table's width changes. */
    @Test
    void scrollingDoesNotRunThePolicy() throws Exception {
        onFx(() -> {
            for (int row = table.getItems().size(); row < 2_000; row++) {
                table.getItems().add(SessionRow.loading(row));
            }
            return null;
        });
        waitFor(() -> verticalBarWidth() > 0 && filled());
        int callsBefore = policyCalls.get();

        for (int row : new int[] {500, 1_200, 1_990, 40}) {
            onFx(() -> {
                table.scrollTo(row);
                return null;
            });
            waitFor(() -> table.lookupAll(".table-row-cell").stream().anyMatch(cell -> cell instanceof TableRow<?> shown && shown.getIndex() == row));
        }

        assertThat(policyCalls.get()).isEqualTo(callsBefore);
        assertThat(onFx(this::filled)).isTrue();
    }

    private void resizeTable(double width) throws Exception {
        onFx(() -> {
            table.setMaxWidth(width);
            return null;
        });
    }

    /** The columns end at the table's right edge, within a pixel, and no horizontal bar shows. */
    private boolean filled() {
        double content = table.getWidth() - table.snappedLeftInset() - table.snappedRightInset() - verticalBarWidth();
        double columns = table.getVisibleLeafColumns().stream().mapToDouble(TableColumn::getWidth).sum();
        return columns <= content && columns > content - 1 && !horizontalBarShown();
    }

    private boolean horizontalBarShown() {
        return bar(Orientation.HORIZONTAL) != null && bar(Orientation.HORIZONTAL).isVisible();
    }

    private double verticalBarWidth() {
        ScrollBar vertical = bar(Orientation.VERTICAL);
        return vertical != null && vertical.isVisible() ? vertical.getWidth() : 0;
    }

    private ScrollBar bar(Orientation orientation) {
        return table.lookupAll(".scroll-bar").stream().filter(ScrollBar.class::isInstance).map(ScrollBar.class::cast)
                .filter(bar -> bar.getOrientation() == orientation).findFirst().orElse(null);
    }

    private TableColumn<SessionRow, ?> column(SessionColumn shown) {
        return table.getColumns().stream().filter(column -> column.getUserData() == shown).findFirst().orElseThrow();
    }

    private double width(SessionColumn shown) {
        return column(shown).getWidth();
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(condition));
    }

    private static <T> T onFx(Callable<T> value) throws Exception {
        return WaitForAsyncUtils.asyncFx(value).get();
    }
}
