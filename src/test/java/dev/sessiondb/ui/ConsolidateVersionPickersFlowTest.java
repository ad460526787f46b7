package dev.sessiondb.ui;

import static dev.sessiondb.ui.AppState.read;
import static dev.sessiondb.ui.AppState.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.Fixtures;
import dev.sessiondb.job.StoreContents;
import dev.sessiondb.model.SessionRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * On the small screen, Consolidate's pickers of the two versions compared ended in "…" for a store and its backup, a copy
 * of the home folder whose paths end alike: each picker was as wide as the longest path in its list, and the row cut both.
 * Each now names its store briefly by what tells it apart, the whole path in its tooltip.
 */
class ConsolidateVersionPickersFlowTest extends WindowOverFreshRun {

    private Path live;
    private Path backup;

    /** The laptop's store open, and a backup of its home folder, one session there on another branch. */
    @Start
    void start(Stage stage) throws IOException {
        live = sqliteStore("laptop/home/jo/.local/state/minsky/sessions.db", Fixtures.minskyRecords());
        List<SessionRecord> changed = new ArrayList<>(Fixtures.minskyRecords());
        changed.set(0, changed.get(0).with("branch", "feature/changed"));
        backup = sqliteStore("backup/2026-11/home/jo/.local/state/minsky/sessions.db", changed);
        settings().update(state -> state.withRecent("sqlite:" + live));
        TestWindows.showOnScreen(stage, run, dialogs, SmallScreenFlowTest.USABLE);
    }

    @Test
    void thePickersTellTheTwoStoresApart(FxRobot robot) {
        waitFor(() -> !robot.lookup("#export-sessions").queryAs(Labeled.class).isDisabled());
        TableView<?> conflicts = WindowSteps.consolidationConflicts(robot, backup, run.resolve("all.db"));
        waitFor(() -> conflicts.getItems().size() == 1);
        robot.interact(() -> conflicts.getSelectionModel().select(0));
        waitFor(() -> picked(robot, "#consolidate-left-version") != null && picked(robot, "#consolidate-right-version") != null);

        // a picker takes its width a layout after its value: wait for both to read whole, never before the fix
        waitFor(() -> readWhole(robot, "#consolidate-left-version") && readWhole(robot, "#consolidate-right-version"));
        assertThat(read(() -> WindowSteps.shownText(buttonCell(robot, "#consolidate-left-version"))))
                .isEqualTo("source 1 (laptop/…/sessions.db)");
        assertThat(read(() -> WindowSteps.shownText(buttonCell(robot, "#consolidate-right-version")))).isEqualTo("source 2 (2026-11/…/sessions.db)");
        assertThat(read(() -> picker(robot, "#consolidate-left-version").getTooltip().getText())).isEqualTo("sqlite:" + live);
        assertThat(read(() -> picker(robot, "#consolidate-right-version").getTooltip().getText())).isEqualTo("sqlite:" + backup);

        // the open list names each version's store whole (opened as a click does: the page may have scrolled the row half out of view)
        robot.interact(() -> picker(robot, "#consolidate-left-version").show());
        waitFor(() -> robot.lookup(".combo-box-popup .list-cell").queryAllAs(ListCell.class).stream()
                .anyMatch(cell -> ("source 2 (2026-11/…/sessions.db)\nsqlite:" + backup).equals(cell.getText())));
    }

    private Path sqliteStore(String path, List<SessionRecord> records) throws IOException {
        Path file = run.resolve(path);
        Files.createDirectories(file.getParent());
        StoreContents.create("sqlite:" + file, records);
        return file;
    }

    private static ComboBox<?> picker(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(ComboBox.class);
    }

    private static Object picked(FxRobot robot, String id) {
        return picker(robot, id).getValue();
    }

    /** The cell the closed picker shows its value in (its list's cells, made for the popup, are not it). */
    private static ListCell<?> buttonCell(FxRobot robot, String id) {
        return picker(robot, id).getChildrenUnmodifiable().stream().filter(ListCell.class::isInstance).map(ListCell.class::cast).findFirst().orElseThrow();
    }

    private static boolean readWhole(FxRobot robot, String id) {
        ListCell<?> cell = buttonCell(robot, id);
        return cell.getText() != null && WindowSteps.shownText(cell).equals(cell.getText());
    }
}
