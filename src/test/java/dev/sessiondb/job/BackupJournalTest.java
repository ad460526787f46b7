package dev.sessiondb.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessiondb.files.Staging;
import dev.sessiondb.job.backup.Backup;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.job.backup.BackupKept;
import dev.sessiondb.job.backup.RunIds;
import dev.sessiondb.progress.CancelAfter;
import dev.sessiondb.progress.CancelledException;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.StoreProvider;
import dev.sessiondb.store.sql.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupJournalTest {

    @TempDir
    Path dir;

    private BackupJournal journal() {
        return new BackupJournal(dir.resolve("journal"));
    }

    @Test
    void backupsAreListedNewestFirstAndAFolderWithoutItsManifestIsIgnored() throws Exception {
        StoreLocator store = StoreContents.create("json:" + dir.resolve("a.json"), SampleSessions.minskyList(3, 1));
        Backup first = journal().backUp(RunIds.newRunId("test"), store, "first", ProgressMonitor.NONE);
        Backup second = journal().backUp(RunIds.newRunId("test"), store, "second", ProgressMonitor.NONE);
        Files.createDirectories(dir.resolve("journal/backups/interrupted"));

        assertThat(journal().list()).extracting(Backup::id).containsExactly(second.id(), first.id());
        assertThat(first.kind()).isEqualTo(Backup.Kind.of(StoreProvider.SnapshotKind.FILE));
        assertThat(first.records()).isEqualTo(3);
    }

    @Test
    void restoringMarksTheBackupAndBacksUpWhatItReplaced() throws Exception {
        StoreLocator store = StoreContents.create("json:" + dir.resolve("a.json"), SampleSessions.minskyList(3, 1));
        byte[] before = Files.readAllBytes(store.path());
        Backup backup = journal().backUp(RunIds.newRunId("test"), store, "before a change", ProgressMonitor.NONE);
        StoreContents.create(store.display(), SampleSessions.minskyList(7, 2));

        Backup replaced = journal().restore(backup, ProgressMonitor.NONE);

        assertThat(Files.readAllBytes(store.path())).isEqualTo(before);
        assertThat(journal().require(backup.id()).restoredAt()).isPresent();
        assertThat(replaced.records()).isEqualTo(7);
        assertThat(journal().latestNotRestored()).map(Backup::id).contains(replaced.id());
    }

    /** A write stopped while committing may have taken effect: its failure names the backup kept, for the message to name it and not say "not changed". */
    @Test
    void aFailedWriteThatLeftTheStoreChangedKeepsItsBackupAndSaysWhichOnTheFailure() {
        StoreLocator store = StoreContents.create("json:" + dir.resolve("a.json"), SampleSessions.minskyList(3, 1));
        Backup backup = journal().backUp(RunIds.newRunId("test"), store, "test", ProgressMonitor.NONE);

        assertThatThrownBy(() -> journal().write(backup, () -> {
            throw new StoreException("a.json: the connection was lost during the commit");
        }, () -> false)).satisfies(failure -> assertThat(BackupKept.in(failure)).contains(backup.id()));
        assertThat(journal().list()).containsExactly(backup);
    }

    @Test
    void aFailedWriteThatLeftTheStoreAsItWasDeletesItsBackupAndNamesNone() {
        StoreLocator store = StoreContents.create("json:" + dir.resolve("a.json"), SampleSessions.minskyList(3, 1));
        Backup backup = journal().backUp(RunIds.newRunId("test"), store, "test", ProgressMonitor.NONE);

        assertThatThrownBy(() -> journal().write(backup, () -> {
            throw new StoreException("a.json: the write failed before its commit");
        }, () -> true)).satisfies(failure -> assertThat(BackupKept.in(failure)).isEmpty());
        assertThat(journal().list()).isEmpty();
    }

    @Test
    void aSqliteStoreIsBackedUpAsAConsistentCopyThatOpens() {
        StoreLocator store = StoreContents.create("sqlite:" + dir.resolve("a.db"), SampleSessions.minskyList(4, 1));

        Backup backup = journal().backUp(RunIds.newRunId("test"), store, "test", ProgressMonitor.NONE);

        Path copy = dir.resolve("journal/backups").resolve(backup.id()).resolve("data");
        assertThat(backup.kind()).isEqualTo(Backup.Kind.of(StoreProvider.SnapshotKind.SQLITE));
        assertThat(StoreContents.records("sqlite:" + copy)).hasSize(4);
    }

    @Test
    void onlyTheOwnerCanReadBackupsForTheyHoldTokens() throws Exception {
        StoreLocator store = StoreContents.create("json:" + dir.resolve("a.json"), SampleSessions.minskyList(3, 1));

        journal().backUp(RunIds.newRunId("test"), store, "test", ProgressMonitor.NONE);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("journal/backups"))))
                .isEqualTo("rwx------");
    }

    @Test
    void anUnknownBackupIdIsRefusedWithTheWayToListThem() {
        assertThatThrownBy(() -> journal().require("nope")).isInstanceOf(JobRefusedException.class)
                .hasMessageContaining("no backup 'nope'").hasMessageContaining("sessiondb undo --list");
    }

    @Test
    void theJournalNeverKeepsAPostgresPassword() {
        StoreLocator locator = StoreLocator.parse("postgresql://admin:s3cret@db.example:5432/sessions?schema=minsky");

        assertThat(StoreProbe.withoutPassword(locator)).isEqualTo("postgresql://admin@db.example:5432/sessions?schema=minsky");
    }

    /** An unreachable server is no absent store: backed up as absent, the next undo emptied it once the server was reached. */
    @Test
    void anUndoOfAServerThatCannotBeReachedStopsBeforeTakingAnyBackup() throws Exception {
        StoreLocator answered = TestPostgres.get().freshSchema();
        StoreLocator unreachable = StoreLocator.parse("postgresql://nobody@127.0.0.1:1/sessions");
        // taken as a job takes it while the server answered (holding the store's writer lock there), its schema there
        Backup taken = journal().backUpAbsent(RunIds.newRunId("migrate"), answered, "migrate json:a.json -> " + unreachable.display(), true);
        // then the server no longer answers where the backup says the store is
        Path manifest = dir.resolve("journal").resolve("backups").resolve(taken.id()).resolve("backup.json");
        Files.writeString(manifest, Files.readString(manifest).replace(StoreProbe.withoutPassword(answered.absolute()), unreachable.display()));
        Backup created = journal().require(taken.id());
        assertThat(created.locator()).isEqualTo(unreachable.display());

        assertThatThrownBy(() -> journal().restore(created, ProgressMonitor.NONE)).isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot reach PostgreSQL at 127.0.0.1:1");
        assertThat(journal().list()).as("no backup of the state the undo would have replaced").containsExactly(created);
    }

    /** A backup cancelled half way (a PostgreSQL store's records being written out) leaves no folder: it would restore nothing. */
    @Test
    void aBackupStoppedHalfWayLeavesNothingInTheJournal() throws Exception {
        StoreLocator postgres = StoreContents.create(TestPostgres.get().freshSchema().display(), SampleSessions.minskyList(50, 2));
        assertThatThrownBy(() -> journal().backUp(RunIds.newRunId("migrate"), postgres, "migrate into it", new CancelAfter(0)))
                .isInstanceOf(CancelledException.class);

        try (var folders = Files.list(dir.resolve("journal/backups"))) {
            assertThat(folders).isEmpty();
        }
    }

    /** Killed between moving the folder aside and renaming the restored copy in: the next look at the store finishes the restore. */
    @Test
    void aFolderRestoreKilledBetweenItsTwoRenamesIsFinishedWhenTheStoreIsNextLookedAt() {
        Path folder = dir.resolve("sessions");
        Path staged = Staging.beside(folder);
        StoreContents.create("jsondir:" + staged, SampleSessions.minskyList(4, 1));
        StoreContents.create("jsondir:" + staged.resolveSibling(staged.getFileName() + "-old"), SampleSessions.minskyList(9, 2));
        StoreLocator store = StoreLocator.parse("jsondir:" + folder);

        assertThat(StoreProbe.exists(store)).isTrue();
        assertThat(StoreContents.canonical(StoreContents.records(store))).isEqualTo(StoreContents.canonical(SampleSessions.minskyList(4, 1)));
        assertThat(staged).doesNotExist();
        assertThat(staged.resolveSibling(staged.getFileName() + "-old")).doesNotExist();
    }
}
