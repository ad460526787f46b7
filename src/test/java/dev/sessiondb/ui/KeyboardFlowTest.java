package dev.sessiondb.ui;

import static dev.sessiondb.ui.AppState.read;
import static dev.sessiondb.ui.AppState.waitFor;
import static dev.sessiondb.ui.WindowSteps.press;
import static dev.sessiondb.ui.WindowSteps.type;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * An audit: Migrate, Consolidate and Validate had no shortcut, and Enter in the Migrate wizard's target field did not
 * press the highlighted Next. Ctrl+Shift and the job's initial bring each to the front, the Help menu lists every
 * shortcut, and Enter in a wizard's field goes to the next step. A later one: a step works with Next disabled, and the
 * focus on Next, or in a field of the page going away, went on to another control of the window (the Jobs toggle, Add):
 * Enter or Space then did something else than go on. The page shown takes the focus, on its first control.
 */
class KeyboardFlowTest extends WindowOverFreshRun {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        show(stage);
    }

    @Test
    void eachJobHasAShortcutTheHelpMenuLists(FxRobot robot) {
        waitFor(() -> robot.lookup("#main-views").tryQuery().isPresent());
        for (var job : new Object[][] {{KeyCode.M, "Migrate"}, {KeyCode.C, "Consolidate"}, {KeyCode.V, "Validate"}}) {
            KeyCode initial = (KeyCode) job[0];
            robot.press(KeyCode.CONTROL, KeyCode.SHIFT, initial).release(initial, KeyCode.SHIFT, KeyCode.CONTROL);
            waitFor(() -> job[1].equals(shownView(robot)));
        }
        assertThat(read(() -> robot.lookup("#help-menu").queryAs(MenuButton.class).getItems().stream()
                .filter(Menu.class::isInstance).flatMap(menu -> ((Menu) menu).getItems().stream()).map(MenuItem::getText).toList()))
                .contains("Ctrl+Shift+M    Migrate", "Ctrl+Shift+C    Consolidate", "Ctrl+Shift+V    Validate", "Ctrl+1    Sessions",
                        "Ctrl+O    Open a store file", "F5    Refresh", "Ctrl+Z    Undo");
    }

    @Test
    void enterInTheTargetFieldGoesToTheNextStep(FxRobot robot) {
        waitFor(() -> robot.lookup("#main-views").tryQuery().isPresent());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.M).release(KeyCode.M, KeyCode.SHIFT, KeyCode.CONTROL);
        type(robot, "#migrate-source", TestStores.fixtureCopy(run).toString());
        type(robot, "#migrate-target", run.resolve("copy.db").toString());
        WindowSteps.click(robot, "#migrate-target");
        waitFor(() -> robot.lookup("#migrate-target").query().isFocused() || robot.lookup("#migrate-target .text-field").query().isFocused());
        robot.type(KeyCode.ENTER);
        waitFor(() -> robot.lookup("#migrate-step-2").query().getStyleClass().contains("accent"));
        assertThat(read(() -> robot.targetWindow().getScene().getFocusOwner().getId())).isEqualTo("migrate-mode-new");
    }

    @Test
    void nextPressedLeavesTheFocusOnTheStepShown(FxRobot robot) {
        validateAFixtureCopy(robot);
        waitFor(() -> robot.lookup("#validate-step-2").query().getStyleClass().contains("accent"));
        assertThat(read(this::focusPath)).contains("validate-page");
    }

    /**
     * An audit: Ctrl+D left the focus on the sidebar's Add, Ctrl+Shift+V on the Jobs toggle; a keyboard user tabbed a dozen
     * times to the view. With the focus in the view's field, its shortcuts still change the view.
     */
    @Test
    void aViewBroughtForwardByItsShortcutOrTheJobsMenuHasTheFocusOnItsFirstField(FxRobot robot) {
        waitFor(() -> robot.lookup("#main-views").tryQuery().isPresent());
        robot.press(KeyCode.CONTROL, KeyCode.D).release(KeyCode.D, KeyCode.CONTROL);
        waitFor(() -> focusPath().contains("diff-store-a"));

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.V).release(KeyCode.V, KeyCode.SHIFT, KeyCode.CONTROL);
        waitFor(() -> focusPath().contains("validate-store"));
        type(robot, "#validate-store", "json:sessions.json");

        robot.press(KeyCode.CONTROL, KeyCode.H).release(KeyCode.H, KeyCode.CONTROL); // in a text field, Ctrl+H deleted a character
        waitFor(() -> "History".equals(shownView(robot)));
        assertThat(read(() -> robot.lookup("#validate-store").queryAs(ComboBox.class).getEditor().getText())).isEqualTo("json:sessions.json");

        WindowSteps.openFromJobsMenu(robot, "#jobs-menu-migrate");
        waitFor(() -> focusPath().contains("migrate-source"));
    }

    /**
     * A user audit: Ctrl+D puts the open store in Store A and the focus there, the caret before it; the path the user typed
     * went in front of it ("b.jsonjson:/…/fixture.json"). The text comes selected, so typing replaces it.
     */
    @Test
    void typingInAViewsFirstFieldReplacesTheStorePutThere(FxRobot robot) {
        WindowSteps.openFixtureCopy(robot, dialogs, TestStores.fixtureCopy(run));
        robot.press(KeyCode.CONTROL, KeyCode.D).release(KeyCode.D, KeyCode.CONTROL);
        ComboBox<?> storeA = read(() -> robot.lookup("#diff-store-a").queryAs(ComboBox.class));
        waitFor(() -> focusPath().contains("diff-store-a") && !storeA.getEditor().getText().isEmpty());

        robot.write("b.json");
        waitFor(() -> storeA.getEditor().getText().equals("b.json"));
    }

    /**
     * Ctrl+H with the focus in an editable store field (a ComboBox one can type a path into) shows History and leaves the
     * text as typed, the caret at its end where a Ctrl+H kept by the field would delete the last character; the field
     * still holds it when Ctrl+D comes back to it.
     */
    @Test
    void ctrlHInAStoreFieldShowsHistoryAndLeavesTheTypedPathWhole(FxRobot robot) {
        waitFor(() -> robot.lookup("#main-views").tryQuery().isPresent());
        robot.press(KeyCode.CONTROL, KeyCode.D).release(KeyCode.D, KeyCode.CONTROL);
        waitFor(() -> focusPath().contains("diff-store-a"));
        ComboBox<?> storeA = read(() -> robot.lookup("#diff-store-a").queryAs(ComboBox.class));
        String typed = "json:sessions.json";
        robot.interact(() -> {
            storeA.getEditor().setText(typed);
            storeA.getEditor().end();
        });
        waitFor(() -> storeA.getEditor().getCaretPosition() == typed.length());

        robot.press(KeyCode.CONTROL, KeyCode.H).release(KeyCode.H, KeyCode.CONTROL);
        waitFor(() -> "History".equals(shownView(robot)));
        assertThat(read(() -> storeA.getEditor().getText())).isEqualTo(typed);

        robot.press(KeyCode.CONTROL, KeyCode.D).release(KeyCode.D, KeyCode.CONTROL);
        waitFor(() -> focusPath().contains("diff-store-a"));
        assertThat(read(() -> storeA.getEditor().getText())).isEqualTo(typed);
    }

    /**
     * An audit: on the Findings page, where the page puts the focus on the findings, Tab went on to Back and Next, past the
     * "Fixes to make" check boxes, so a keyboard user could not choose a fix. Tab now reaches each of them, then Back, and
     * Space changes one.
     */
    @Test
    void tabGoesFromTheFindingsToEachFixThenToBack(FxRobot robot) {
        validateAFixtureCopy(robot);
        waitFor(() -> robot.lookup("#fix-repo-name-variant").tryQuery().isPresent() && focusPath().contains("validate-findings"));
        List<String> fixes = read(() -> robot.lookup("#validate-fixes").queryAs(Pane.class).getChildren()
                .stream().map(Node::getId).toList());
        assertThat(fixes).contains("fix-repo-name-variant", "fix-task-id-missing");

        for (String fix : fixes) {
            robot.type(KeyCode.TAB);
            waitFor(() -> fix.equals(stage.getScene().getFocusOwner().getId()));
        }
        CheckBox last = read(() -> robot.lookup("#" + fixes.get(fixes.size() - 1)).queryAs(CheckBox.class));
        boolean chosen = read(last::isSelected); // every fix comes chosen: Space leaves one out
        robot.type(KeyCode.SPACE);
        waitFor(() -> last.isSelected() != chosen);
        robot.type(KeyCode.TAB);
        waitFor(() -> "validate-back".equals(stage.getScene().getFocusOwner().getId()));
    }

    /** The view shortcuts work through one mechanism, the window's key filter; the Help menu still lists each and its item does it. */
    @Test
    void theHelpMenuListsEachViewShortcutAndItsItemBringsTheViewForward(FxRobot robot) {
        waitFor(() -> robot.lookup("#main-views").tryQuery().isPresent());
        for (String[] view : new String[][] {{"Ctrl+H    History", "History"}, {"Ctrl+Shift+V    Validate", "Validate"}, {"Ctrl+1    Sessions", "Sessions"}}) {
            MenuItem item = read(() -> robot.lookup("#help-menu").queryAs(MenuButton.class).getItems().stream().filter(Menu.class::isInstance)
                    .flatMap(menu -> ((Menu) menu).getItems().stream()).filter(listed -> view[0].equals(listed.getText())).findFirst().orElseThrow());
            robot.interact(item::fire);
            waitFor(() -> view[1].equals(shownView(robot)));
        }
    }

    /**
     * The Jobs menu showed "(Ctrl+D)" in Diff's text and no shortcut for Migrate, Consolidate or Validate: each item now shows
     * its keys as JavaFX menus do, and the keys still work once, through the window's key filter, not the item's accelerator too.
     */
    @Test
    void theJobsMenuShowsEachJobsShortcutAndItsKeysBringTheViewForwardOnce(FxRobot robot) {
        waitFor(() -> robot.lookup("#main-views").tryQuery().isPresent());
        assertThat(read(() -> jobsMenuItems(robot).stream().map(item -> item.getText() + " | " + item.getAccelerator().getDisplayText()).toList()))
                .containsExactly("Diff two stores | Ctrl+D", "Migrate a store into another format or layout… | Ctrl+Shift+M",
                        "Consolidate several stores into one… | Ctrl+Shift+C", "Validate and repair a store… | Ctrl+Shift+V");
        AtomicInteger itemsRun = new AtomicInteger();
        robot.interact(() -> jobsMenuItems(robot).forEach(item -> item.addEventHandler(ActionEvent.ACTION, event -> itemsRun.incrementAndGet())));

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.M).release(KeyCode.M, KeyCode.SHIFT, KeyCode.CONTROL);
        waitFor(() -> "Migrate".equals(shownView(robot)));
        robot.press(KeyCode.CONTROL, KeyCode.D).release(KeyCode.D, KeyCode.CONTROL);
        waitFor(() -> "Diff".equals(shownView(robot)));

        assertThat(itemsRun).as("menu items run by the keys the key filter already took").hasValue(0);
    }

    private static List<MenuItem> jobsMenuItems(FxRobot robot) {
        return robot.lookup("#jobs-menu").queryAs(MenuButton.class).getItems();
    }

    /** Brings Validate forward by its shortcut and goes on from a copy of the fixture to the Findings page. */
    private void validateAFixtureCopy(FxRobot robot) {
        waitFor(() -> robot.lookup("#main-views").tryQuery().isPresent());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.V).release(KeyCode.V, KeyCode.SHIFT, KeyCode.CONTROL);
        type(robot, "#validate-store", TestStores.fixtureCopy(run).toString());
        press(robot, "#validate-next");
    }

    /** The ids of the focused node and the nodes around it, innermost first. */
    private List<String> focusPath() {
        Node focused = stage.getScene().getFocusOwner();
        return Stream.iterate(focused, Objects::nonNull, Node::getParent).map(Node::getId).filter(Objects::nonNull).toList();
    }

    private static String shownView(FxRobot robot) {
        return robot.lookup("#main-views").queryAs(TabPane.class).getSelectionModel().getSelectedItem().getText();
    }
}
