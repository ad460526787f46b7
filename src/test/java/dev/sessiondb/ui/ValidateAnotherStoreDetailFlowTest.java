package dev.sessiondb.ui;

import static dev.sessiondb.ui.AppState.read;
import static dev.sessiondb.ui.AppState.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreLocator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * Validate run on a store other than the open one: the detail pane, open on a session of the open store, stayed in front of
 * the wizard until the other store's findings arrived (a big store: the whole validation), and only then folded away.
 */
class ValidateAnotherStoreDetailFlowTest extends WindowOverFreshRun {

    /** Holds the other store's validation before it reads a session, so that the test sees the page before its findings. */
    private final CountDownLatch mayValidate = new CountDownLatch(1);
    private final Path other = anotherStore();

    @Start
    void start(Stage stage) {
        new MainWindow(TestWindows.services(run, dialogs, this::openHeldWhenOther, List::of)).show(stage);
    }

    @AfterEach
    void letTheValidationEnd() {
        mayValidate.countDown();
    }

    @Test
    void theDetailFoldsAsSoonAsAnotherStoreIsValidatedNotWhenItsFindingsArrive(FxRobot robot) {
        WindowSteps.openFixtureCopy(robot, dialogs, TestStores.fixtureCopy(run));
        robot.clickOn(WindowSteps.sessionCell(robot, 0));
        WindowSteps.openFromJobsMenu(robot, "Validate and repair a store…");
        waitFor(() -> WindowSteps.detailShown(robot));

        WindowSteps.type(robot, "#validate-store", other.toString());
        WindowSteps.press(robot, "#validate-next");

        waitFor(() -> !WindowSteps.detailShown(robot));
        TreeView<?> findings = read(() -> robot.lookup("#validate-findings").queryAs(TreeView.class));
        assertThat(read(() -> findings.getRoot().getChildren().isEmpty() && !robot.lookup("#validate-clean").query().isVisible()))
                .as("folded while the other store is still being validated").isTrue();
        mayValidate.countDown();
        waitFor(() -> robot.lookup("#validate-clean").query().isVisible());
        assertThat(read(() -> WindowSteps.detailShown(robot))).isFalse();
    }

    private SessionStore openHeldWhenOther(StoreLocator locator) {
        if (locator.display().endsWith(other.getFileName().toString())) {
            try {
                mayValidate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return TestWindows.openExisting(locator);
    }

    private Path anotherStore() {
        try {
            return TestStores.withoutFindings(run);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
