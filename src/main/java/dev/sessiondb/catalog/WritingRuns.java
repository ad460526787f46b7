package dev.sessiondb.catalog;

import dev.sessiondb.job.backup.Backup;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.job.backup.StoreWriters;
import dev.sessiondb.store.StoreLocator;
import java.util.List;
import java.util.Optional;

/** The runs still writing a store, as the job history and their locks tell, whichever process runs them: undo waits for them. */
public final class WritingRuns {

    private WritingRuns() {
    }

    /**
     * Refuses a restore while a run writes the backup's store: the run that took the backup, or any other still running with
     * that store as its target (one reading its sources, or copying its backup, shows no whole backup yet). Asked before the
     * store is looked at: a run writing it would read as another program's change. Its writer lock is asked too, so a store
     * that cannot be reached (a server down, a password refused) fails here once, not first as a later-changes check it stops.
     */
    public static void refuseRestoreWhileOneWrites(BackupJournal journal, Backup backup) {
        journal.refuseWhileItsRunWrites(backup);
        StoreLocator store = StoreLocator.parse(backup.locator());
        StoreWriters.refuseWhileWritten(store);
        List<PastJob> jobs;
        try {
            jobs = new HistoryReader(journal).jobs(Optional.of(store), Integer.MAX_VALUE);
        } catch (CatalogException unreadable) {
            return; // the restore's own check of the store then stops it if a run writes meanwhile
        }
        jobs.stream().filter(job -> job.running() && job.target().filter(target -> JobHistory.sameStore(target, store)).isPresent()).findFirst().ifPresent(writing -> {
            throw BackupJournal.stillWriting(writing.runId(), backup.locator());
        });
    }
}
