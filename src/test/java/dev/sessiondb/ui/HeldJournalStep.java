package dev.sessiondb.ui;

import dev.sessiondb.catalog.CatalogRecorder;
import dev.sessiondb.job.JobReport;
import dev.sessiondb.job.backup.Backup;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.job.backup.JournalListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The app's catalog, with one step of the journal held back once armed, until the test lets it go on: the job or undo that
 * reached it stays running meanwhile, as a long one would. Registered as an extension, it lets the step go on after each
 * test, whatever the test saw, so that no job or undo is left waiting.
 */
final class HeldJournalStep implements JournalListener, AfterEachCallback {

    enum Step {
        /** A job (or an undo) has backed up the store it writes, and has not written it yet. */
        BACKED_UP,
        /** An undo has backed up the store's present state, and has not put the backup back yet. */
        RESTORING
    }

    private final List<String> warnings = new ArrayList<>();
    private final JournalListener catalog;
    private final BackupJournal journal;
    private final CountDownLatch reached = new CountDownLatch(1);
    private final CountDownLatch mayGoOn = new CountDownLatch(1);
    private volatile Step held;

    /** Over the app's catalog in {@code folder}, with the window's journal there. */
    HeldJournalStep(Path folder) {
        this.catalog = new CatalogRecorder(folder, warnings::add);
        this.journal = new BackupJournal(folder, this);
    }

    /** The journal to give the window: its steps pass here. */
    BackupJournal journal() {
        return journal;
    }

    /** What the catalog could not record. */
    List<String> warnings() {
        return warnings;
    }

    /** The next time the journal gets to {@code step}, it waits there until {@link #letGoOn()}. */
    void holdAt(Step step) {
        held = step;
    }

    /** Waits (a guard, not a timing) until the held step is reached; whether it was. */
    boolean reached() throws InterruptedException {
        return reached.await(60, TimeUnit.SECONDS);
    }

    void letGoOn() {
        mayGoOn.countDown();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        letGoOn();
    }

    private void waitIfHeld(Step step) {
        if (held != step) {
            return;
        }
        held = null;
        reached.countDown();
        try {
            mayGoOn.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void restoring(Backup backup, Backup replaced) {
        waitIfHeld(Step.RESTORING);
        catalog.restoring(backup, replaced);
    }

    @Override
    public void backedUp(String runId, Backup backup, Optional<String> mark) {
        catalog.backedUp(runId, backup, mark);
        waitIfHeld(Step.BACKED_UP);
    }

    @Override
    public void started(String runId, String description, List<String> sources, String target) {
        catalog.started(runId, description, sources, target);
    }

    @Override
    public void reportSaved(JobReport report, Path file, Optional<String> targetMark) {
        catalog.reportSaved(report, file, targetMark);
    }

    @Override
    public void discarded(Backup backup, String outcome, Optional<String> why) {
        catalog.discarded(backup, outcome, why);
    }

    @Override
    public void written(String runId) {
        catalog.written(runId);
    }

    @Override
    public void ended(String runId, String outcome, Optional<String> why) {
        catalog.ended(runId, outcome, why);
    }

    @Override
    public void pruned(Backup backup) {
        catalog.pruned(backup);
    }

    @Override
    public void reportPruned(String runId) {
        catalog.reportPruned(runId);
    }

    @Override
    public void restored(Backup restored, Backup replaced, Optional<String> mark) {
        catalog.restored(restored, replaced, mark);
    }

    @Override
    public void undoStateChanged(Backup backup) {
        catalog.undoStateChanged(backup);
    }
}
