package dev.sessiondb.catalog;

import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.store.StoreLocator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads the catalog beside a journal: opened for each question and closed again, its backup
 * index first brought in line with the journal's folders. Nothing recorded yet reads as empty.
 */
public final class HistoryReader {

    private final BackupJournal journal;
    private final Consumer<String> readOnlyNotice;
    private boolean toldReadOnly;

    public HistoryReader(BackupJournal journal) {
        this(journal, notice -> { });
    }

    /** @param readOnlyNotice told once, when the catalog could only be opened read-only, that jobs cannot be recorded there */
    public HistoryReader(BackupJournal journal, Consumer<String> readOnlyNotice) {
        this.journal = journal;
        this.readOnlyNotice = readOnlyNotice;
    }

    /**
     * The newest {@code limit} jobs, newest first; with a store, those that read or wrote it. A run
     * that has not ended is running while it holds its lock, else it was killed.
     */
    public List<PastJob> jobs(Optional<StoreLocator> store, int limit) {
        return read(history -> history.list(store, limit), List.<PastJob>of()).stream()
                .map(job -> job.outcome().isEmpty() ? job.withRunning(journal.mayBeRunning(job.runId())) : job).toList();
    }

    /** What undo can still put back on this store, newest first. */
    public List<PastJob> undoable(StoreLocator store) {
        return read(history -> history.undoable(store), List.of());
    }

    /** Every backup of the journal, newest first, with the job that took it. */
    public List<IndexedBackup> backups() {
        return read(JobHistory::backups, List.of());
    }

    /** Asks several questions of one opening of the catalog; {@code nothing} answers when nothing was recorded yet. */
    public <T> T read(Function<JobHistory, T> query, T nothing) {
        Optional<Catalog> opened = Catalog.ofJournal(journal);
        if (opened.isEmpty()) {
            return nothing;
        }
        try (Catalog catalog = opened.get()) {
            if (!catalog.writable() && !toldReadOnly) {
                toldReadOnly = true;
                readOnlyNotice.accept(CatalogFaults.readOnlyForReading(catalog.file()));
            }
            return query.apply(catalog.history());
        }
    }
}
