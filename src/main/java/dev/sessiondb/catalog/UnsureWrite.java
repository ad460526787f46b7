package dev.sessiondb.catalog;

import dev.sessiondb.job.StoreProbe;
import dev.sessiondb.job.backup.Backup;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.job.transfer.RecordSource;
import dev.sessiondb.job.transfer.Verification;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLocator;
import java.util.Optional;
import java.util.Set;

/**
 * A run whose write stopped while committing (a PostgreSQL COMMIT whose reply never came) cannot know whether it took
 * effect: it kept its backup and left no change mark. Undo of it then tells which by the store's records, compared with the
 * backup's: the same records, and the write did not take effect; others, and it did (or another program wrote since).
 */
final class UnsureWrite {

    /** How such a run ended in the history: it stopped after its backup, which the journal kept. */
    private static final Set<String> STOPPED = Set.of("failed", "cancelled");

    private UnsureWrite() {
    }

    /** Whether {@code job}, which took {@code backup} and left no mark, stopped while writing, its backup kept. */
    static boolean applies(PastJob job) {
        return job.outcome().filter(STOPPED::contains).isPresent();
    }

    /** The store compared with the backup, record by record; unchecked when either cannot be read. */
    static LaterChanges look(BackupJournal journal, Backup backup, PastJob job) {
        String stopped = "the write of the " + job.kind() + " that took backup " + backup.id() + " (run " + job.runId()
                + ") stopped while committing, so whether it took effect was unknown: ";
        try {
            boolean asBackedUp = holdsTheBackup(journal, backup);
            return asBackedUp
                    ? new LaterChanges(backup, LaterChanges.Verdict.NONE, stopped + "it did not, " + backup.locator() + " holds the records that backup"
                            + " holds, so undo changes no record", true)
                    : new LaterChanges(backup, LaterChanges.Verdict.UNCHECKED, "whether " + backup.locator() + " changed after the job that took"
                            + " backup " + backup.id() + " could not be checked: " + stopped + "it holds other records than that backup, so the write"
                            + " took effect (or another program wrote since, which undo's own backup keeps)", true);
        } catch (StoreException unreadable) {
            return new LaterChanges(backup, LaterChanges.Verdict.UNCHECKED, "whether " + backup.locator() + " changed after the job that took"
                    + " backup " + backup.id() + " could not be checked: " + stopped + "comparing the store with the backup failed ("
                    + unreadable.getMessage() + ")", true);
        }
    }

    private static boolean holdsTheBackup(BackupJournal journal, Backup backup) {
        StoreLocator store = StoreLocator.parse(backup.locator());
        Optional<StoreLocator> copy = journal.copyOf(backup);
        if (copy.isEmpty()) {
            return !StoreProbe.exists(store); // there was no store: the write took effect if one is there now
        }
        try (SessionStore now = StoreFactory.open(store, OpenMode.EXISTING); SessionStore before = StoreFactory.open(copy.get(), OpenMode.EXISTING)) {
            return now.count() == before.count() && Verification.check(RecordSource.of(before), now, true, ProgressMonitor.NONE).passed();
        }
    }
}
