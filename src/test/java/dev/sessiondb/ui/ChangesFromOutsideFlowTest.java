package dev.sessiondb.ui;

import static dev.sessiondb.ui.AppState.read;
import static dev.sessiondb.ui.AppState.waitFor;
import static dev.sessiondb.ui.WindowSteps.click;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.Fixtures;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.ui.diff.FieldRow;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * A store changed by another program (a second open of the same store stands for Minsky) while the
 * app shows it: the app offers a reload, and refuses an edit or a deletion of a record that changed
 * underneath, showing both versions; the other program's change stays.
 */
class ChangesFromOutsideFlowTest extends WindowOverFreshRun {

    private static final String KEY = "task#002";
    /** What a search for the key finds: it, and test-session-2, whose task id is #002 (a task id typed qualified finds its bare form). */
    private static final String FOUND_BY_KEY = "2 of " + Fixtures.MINSKY_COUNT + " sessions";

    private final Path fixture = TestStores.fixtureCopy(run);

    @Start
    void start(Stage stage) {
        show(stage);
    }

    @Test
    void aStoreChangedOutsideOffersAReloadThatShowsTheNewData(FxRobot robot) {
        openFixture(robot);

        changeOutside(store -> store.delete(KEY));

        waitFor(() -> robot.lookup("#external-changes").query().isVisible());
        assertThat(read(() -> robot.lookup("#external-changes-message").queryAs(Label.class).getText())).contains("was changed by another program");
        click(robot, "#external-changes-reload");
        waitFor(() -> countText(robot).equals((Fixtures.MINSKY_COUNT - 1) + " sessions"));
        waitFor(() -> !robot.lookup("#external-changes").query().isVisible());
    }

    /**
     * The window's Ctrl+Z undoes the newest job whatever has the focus once Reload is pressed: it went unheard, the
     * focus leaving the hidden Reload button for the search field, which kept Ctrl+Z for its own text.
     */
    @Test
    void ctrlZRightAfterReloadUndoesTheNewestJob(FxRobot robot) {
        openFixture(robot);
        Optional<String> branchBefore = storedBranch();
        showSession(robot);
        click(robot, "#edit-session");
        waitFor(() -> robot.lookup("#edit-branch").tryQuery().isPresent());
        TextField branch = read(() -> robot.lookup("#edit-branch").queryAs(TextField.class));
        robot.interact(() -> branch.setText("mine"));
        click(robot, "#save-session");
        waitFor(() -> robot.lookup("#undo").queryButton().getText().equals("Undo edit of " + KEY));
        changeOutside(store -> store.delete("004"));
        waitFor(() -> robot.lookup("#external-changes").query().isVisible());

        click(robot, "#external-changes-reload");
        waitFor(() -> !robot.lookup("#external-changes").query().isVisible()
                && countText(robot).equals("2 of " + (Fixtures.MINSKY_COUNT - 1) + " sessions"));
        dialogs.answer(true); // the store changed after the edit: the undo asks first
        robot.push(KeyCode.CONTROL, KeyCode.Z);

        waitFor(() -> dialogs.notifications().stream().anyMatch(note -> note.startsWith("Undone: edit of " + KEY)));
        assertThat(storedBranch()).isEqualTo(branchBefore);
        assertThat(dialogs.errors()).isEmpty();
    }

    @Test
    void anEditOfARecordChangedUnderneathIsRefusedWithBothVersionsSideBySide(FxRobot robot) {
        openFixture(robot);
        showSession(robot);
        click(robot, "#edit-session");
        waitFor(() -> robot.lookup("#edit-branch").tryQuery().isPresent());
        TextField branch = read(() -> robot.lookup("#edit-branch").queryAs(TextField.class));
        robot.interact(() -> branch.setText("mine"));
        waitFor(() -> branch.getText().equals("mine"));

        changeOutside(store -> store.put(store.get(KEY).orElseThrow().with("branch", "theirs")));
        click(robot, "#save-session");

        waitFor(() -> robot.lookup("#detail-conflict-message").queryAs(Label.class).getText().contains("was changed by another program"));
        assertThat(read(() -> conflictRows(robot))).anySatisfy(row -> {
            assertThat(row.name()).isEqualTo("branch");
            assertThat(row.a()).as("what the user typed, not lost with the form").isEqualTo("mine");
            assertThat(row.b()).contains("theirs");
        });
        assertThat(storedBranch()).contains("theirs");
        assertThat(dialogs.errors()).isEmpty();

        // the store read again (F5) while the refusal is open: its right side is the store as it is now, not as it was
        changeOutside(store -> store.put(store.get(KEY).orElseThrow().with("branch", "theirs-later")));
        robot.push(KeyCode.F5);
        waitFor(() -> conflictRows(robot).stream().anyMatch(row -> row.name().equals("branch") && row.b().contains("theirs-later")));
        assertThat(read(() -> robot.lookup("#detail-conflict-message").queryAs(Label.class).getText())).contains("was changed by another program");
        assertThat(read(() -> conflictRows(robot))).filteredOn(row -> row.name().equals("branch")).singleElement()
                .satisfies(row -> assertThat(row.a()).isEqualTo("mine"));
        assertThat(dialogs.errors()).isEmpty();
    }

    @Test
    void aDeletionOfARecordChangedUnderneathIsRefused(FxRobot robot) {
        openFixture(robot);
        showSession(robot);

        changeOutside(store -> store.put(store.get(KEY).orElseThrow().with("branch", "theirs")));
        dialogs.answer(true);
        click(robot, "#delete-session");

        waitFor(() -> robot.lookup("#detail-conflict-message").queryAs(Label.class).getText().contains("was changed by another program"));
        assertThat(storedBranch()).contains("theirs");
        assertThat(read(() -> countText(robot))).as("the search still finds it").isEqualTo(FOUND_BY_KEY);
    }

    private void openFixture(FxRobot robot) {
        WindowSteps.openFixtureCopy(robot, dialogs, fixture);
    }

    private static void showSession(FxRobot robot) {
        TextField search = read(() -> robot.lookup("#session-search").queryAs(TextField.class));
        robot.interact(() -> search.setText(KEY));
        waitFor(() -> countText(robot).equals(FOUND_BY_KEY));
        robot.clickOn(WindowSteps.sessionCell(robot, 0));
        waitFor(() -> robot.lookup("#detail-title").queryAs(Label.class).getText().equals(KEY));
    }

    /** Another program's write: a second open of the store, as Minsky or a second window would write it. */
    private void changeOutside(Consumer<SessionStore> change) {
        try (SessionStore other = StoreFactory.open(StoreLocator.of(StoreFormat.JSON, fixture), OpenMode.EXISTING)) {
            change.accept(other);
        }
    }

    private Optional<String> storedBranch() {
        try (SessionStore store = StoreFactory.open(StoreLocator.of(StoreFormat.JSON, fixture), OpenMode.EXISTING)) {
            return store.get(KEY).flatMap(SessionRecord::branch);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<FieldRow> conflictRows(FxRobot robot) {
        return List.copyOf(robot.lookup("#detail-conflict").queryAs(TableView.class).getItems());
    }

    private static String countText(FxRobot robot) {
        return robot.lookup("#session-count").queryAs(Label.class).getText();
    }
}
