package dev.sessiondb.ui;

import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.ui.common.SettingsStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * A UI flow test: the main window ({@link TestWindows}) over a run folder of the test's own, its dialogs answered by
 * {@link #dialogs}. TestFX calls only the {@code @Start} the test class declares itself, so each declares one that puts
 * what the window should find in {@link #run} and then calls {@link #show}.
 */
@ExtendWith(ApplicationExtension.class)
abstract class WindowOverFreshRun {

    /** One folder for the test class, deleted once its tests have ended (and their windows closed). */
    @TempDir
    static Path directory;

    /** This test's folder: the window's settings and backups, and the stores the test makes. */
    final Path run = freshRun();
    final ScriptedDialogService dialogs = new ScriptedDialogService();

    void show(Stage stage) {
        TestWindows.show(stage, run, dialogs);
    }

    void show(Stage stage, BackupJournal journal) {
        TestWindows.show(stage, run, dialogs, journal);
    }

    /** The settings the window reads as it starts: a test sets them before it calls {@link #show}. */
    SettingsStore settings() {
        return TestWindows.settings(run);
    }

    private static Path freshRun() {
        try {
            return Files.createTempDirectory(directory, "run");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
