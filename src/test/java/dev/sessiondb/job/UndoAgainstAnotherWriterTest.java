package dev.sessiondb.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessiondb.job.backup.Backup;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.job.backup.JournalListener;
import dev.sessiondb.job.backup.RunIds;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.WriteBatch;
import dev.sessiondb.store.sql.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Undo backs the store up, then puts the older backup back: a write by another program between
 * the two would be in neither the store nor any backup, so the restore compares the store with
 * how undo found it, under the store's lock, and refuses (an audit lost such an edit with "Restored").
 */
class UndoAgainstAnotherWriterTest {

    @TempDir
    Path dir;

    private static final SessionRecord EXTERNAL_EDIT = SampleSessions.minskyRecord(900, 9);
    /** A fresh schema of the test server, whose restore compares under the table's lock. */
    private static final String POSTGRESQL = "postgresql";

    @ParameterizedTest
    @ValueSource(strings = {"json:%s/a.json", "sqlite:%s/a.db", "jsondir:%s/a", POSTGRESQL})
    void aWriteByAnotherProgramWhileUndoRunsIsKeptAndNothingIsRestored(String pattern) {
        StoreLocator store = StoreContents.create(locator(pattern), SampleSessions.minskyList(3, 1));
        Backup jobs = new BackupJournal(dir.resolve("journal")).backUp(RunIds.newRunId("migrate"), store, "migrate", ProgressMonitor.NONE);
        write(store, SampleSessions.minskyList(5, 2)); // the job's write
        // another program writes once undo has backed the store up and before it restores
        BackupJournal journal = new BackupJournal(dir.resolve("journal"), new JournalListener() {
            @Override
            public void restoring(Backup backup, Backup replaced) {
                write(store, List.of(EXTERNAL_EDIT));
            }
        });

        assertThatThrownBy(() -> journal.restore(jobs, ProgressMonitor.NONE)).isInstanceOf(JobRefusedException.class)
                .hasMessage("another program wrote to " + StoreLocator.parse(jobs.locator()).display() + " while undo ran; nothing was restored; run undo again");

        assertThat(StoreContents.records(store)).extracting(SessionRecord::key).contains(EXTERNAL_EDIT.key()).hasSize(6);
        assertThat(journal.require(jobs.id()).restoredAt()).isEmpty();
        assertThat(journal.list()).extracting(Backup::id).containsExactly(jobs.id());
    }

    /** A program that takes no lock (Minsky) replaces the file by a rename: the restore sees the new file just before its own rename. */
    @Test
    void aJsonFileReplacedByAnotherProgramWhileUndoRunsIsKept() throws Exception {
        StoreLocator store = StoreContents.create("json:" + dir.resolve("a.json"), SampleSessions.minskyList(3, 1));
        Backup jobs = new BackupJournal(dir.resolve("journal")).backUp(RunIds.newRunId("migrate"), store, "migrate", ProgressMonitor.NONE);
        write(store, SampleSessions.minskyList(5, 2));
        byte[] theirs = "[]".getBytes(StandardCharsets.UTF_8);
        BackupJournal journal = new BackupJournal(dir.resolve("journal"), new JournalListener() {
            @Override
            public void restoring(Backup backup, Backup replaced) {
                try {
                    Path temp = dir.resolve("their.tmp");
                    Files.write(temp, theirs);
                    Files.move(temp, store.path(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });

        assertThatThrownBy(() -> journal.restore(jobs, ProgressMonitor.NONE)).isInstanceOf(JobRefusedException.class)
                .hasMessageContaining("nothing was restored");

        assertThat(Files.readAllBytes(store.path())).isEqualTo(theirs);
    }

    @ParameterizedTest
    @ValueSource(strings = {"json:%s/a.json", "sqlite:%s/a.db", "jsondir:%s/a", POSTGRESQL})
    void withoutAnotherWriterUndoRestoresAndCanItselfBeUndone(String pattern) {
        StoreLocator store = StoreContents.create(locator(pattern), SampleSessions.minskyList(3, 1));
        BackupJournal journal = new BackupJournal(dir.resolve("journal"));
        Backup jobs = journal.backUp(RunIds.newRunId("migrate"), store, "migrate", ProgressMonitor.NONE);
        write(store, SampleSessions.minskyList(5, 2));

        Backup replaced = journal.restore(jobs, ProgressMonitor.NONE);
        assertThat(StoreContents.records(store)).hasSize(3);

        journal.restore(replaced, ProgressMonitor.NONE);
        assertThat(StoreContents.records(store)).hasSize(5);
    }

    private String locator(String pattern) {
        return pattern.equals(POSTGRESQL) ? TestPostgres.get().freshSchema().toString() : pattern.formatted(dir);
    }

    /** Through a second handle, as another program would. */
    private static void write(StoreLocator store, List<SessionRecord> records) {
        try (SessionStore other = StoreFactory.open(store, OpenMode.EXISTING)) {
            other.write(WriteBatch.upsert(records.iterator(), records.size()), ProgressMonitor.NONE);
        }
    }
}
