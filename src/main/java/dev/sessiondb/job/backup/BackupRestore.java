package dev.sessiondb.job.backup;

import dev.sessiondb.job.JobRefusedException;
import dev.sessiondb.job.StoreProbe;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.RepeatedSessionsException;
import dev.sessiondb.store.RestoreGuard;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreChangedException;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.StoreProviders;
import dev.sessiondb.store.json.RepeatedRecords;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An undo: puts a store back as a backup holds it, as a run of the journal's own. The store's
 * present state is backed up first, so an undo can itself be undone; until that backup is complete
 * a cancel stops the undo with nothing changed. The restore itself is one atomic step (a
 * transaction, a file or folder renamed into place) and, once begun, runs to its end and is
 * recorded however it was asked to stop.
 */
final class BackupRestore {

    private final BackupJournal journal;
    private final BackupFolders folders;
    private final JournalListener listener;

    BackupRestore(BackupJournal journal, BackupFolders folders, JournalListener listener) {
        this.journal = journal;
        this.folders = folders;
        this.listener = listener;
    }

    /** @return the backup of the state the undo replaced */
    Backup restore(Backup backup, ProgressMonitor monitor) {
        journal.refuseWhileItsRunWrites(backup);
        StoreLocator locator = StoreLocator.parse(backup.locator());
        StoreWriters.refuseWhileWritten(locator);
        String runId = RunIds.newRunId("undo");
        journal.begin(runId, "undo " + backup.id(), List.of(), backup.locator());
        RestoreGuard[] guard = new RestoreGuard[1];
        Backup before = journal.endingOnStop(runId, () -> {
            // how the store looks before undo backs it up: a write by another program after this is in no backup, so the restore refuses
            Optional<String> mark = StoreProviders.of(locator).changeMark(locator);
            if (!StoreProbe.exists(locator)) {
                guard[0] = new RestoreGuard(locator, mark, Optional.empty());
                return journal.backUpAbsent(runId, locator, Backup.undoReason(backup.id()));
            }
            try (SessionStore store = StoreFactory.open(locator, OpenMode.EXISTING)) {
                guard[0] = new RestoreGuard(locator, mark, Optional.of(store.fingerprint()));
                return journal.backUp(runId, store, Backup.undoReason(backup.id()), monitor);
            } catch (RepeatedSessionsException repeated) {
                if (repeated.byHand().isPresent()) {
                    throw repeated;
                }
                // a file in which sessions still repeat (a repair cut only the identical copies) is backed up as its bytes
                guard[0] = new RestoreGuard(locator, mark, Optional.empty());
                return journal.backUpUnopenedFile(runId, locator, RepeatedRecords.in(locator.path(), Set.of()).records(), Backup.undoReason(backup.id()));
            }
        });
        listener.restoring(backup, before);
        journal.write(before, () -> {
            // the last moment a cancel leaves the store as it was
            monitor.checkCancelled();
            try {
                StoreSnapshots.restore(backup, locator, folders.of(backup.id()), monitor.uncancellable(), guard[0]);
            } catch (StoreChangedException changed) {
                JobRefusedException refused = new JobRefusedException("another program wrote to " + locator.display() + " while undo ran; nothing was"
                        + " restored; run undo again");
                refused.addSuppressed(changed);
                throw refused;
            } catch (IOException e) {
                throw new UncheckedIOException(new IOException("cannot restore " + backup.locator() + " from backup " + backup.id()
                        + " (" + e.getMessage() + "); the store is as it was before undo", e));
            }
        }, () -> true);
        Instant now = Instant.now();
        Backup restored = backup.markedRestored(now);
        folders.save(restored);
        listener.restored(restored, before, StoreMarks.of(locator));
        new UndoChain(folders, listener).follow(restored, now, journal.list());
        journal.releaseRun(runId);
        return before;
    }
}
