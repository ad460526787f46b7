package dev.sessiondb.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessiondb.Fixtures;
import dev.sessiondb.files.AtomicFiles;
import dev.sessiondb.files.ReadOnlyFileException;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.job.migrate.MigrateJob;
import dev.sessiondb.job.migrate.MigrateOptions;
import dev.sessiondb.job.repair.RepairJob;
import dev.sessiondb.job.transfer.TargetMode;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.StoreLocator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store its owner made read-only is never written (root may write any file, and a rename needs only the
 * folder's permission, so the mode is the owner's one way to say so), and a store written keeps the modes
 * its owner gave its files and folder, through a job and through undo.
 */
class ReadOnlyStoresTest {

    @TempDir
    Path dir;

    private BackupJournal journal;

    @BeforeEach
    void openJournal() {
        journal = new BackupJournal(dir.resolve("journal"));
    }

    @Test
    void aReadOnlyJsonStoreIsRefusedBeforeItsBackupAndKeepsItsBytes() throws IOException {
        StoreLocator target = StoreContents.create("json:" + dir.resolve("kept.json"), Fixtures.minskyRecords().subList(0, 3));
        byte[] before = Files.readAllBytes(target.path());
        chmod(target.path(), "r--r--r--");

        assertThatThrownBy(() -> migrateInto(target, TargetMode.MERGE)).isInstanceOf(JobRefusedException.class)
                .hasMessageContaining(target.path() + " is read-only").hasMessageContaining("chmod u+w").hasMessageContaining("nothing was changed");

        assertThat(Files.readAllBytes(target.path())).isEqualTo(before);
        assertThat(journal.list()).as("refused before its backup").isEmpty();
    }

    @Test
    void aRepairOfAReadOnlySqliteStoreIsRefused() throws IOException {
        StoreLocator store = StoreContents.create("sqlite:" + dir.resolve("kept.db"), Fixtures.minskyRecords());
        byte[] before = Files.readAllBytes(store.path());
        chmod(store.path(), "r--r--r--");

        assertThatThrownBy(() -> new RepairJob(store, List.of("task-id-form"), List.of(), journal).run(ProgressMonitor.NONE))
                .isInstanceOf(JobRefusedException.class).hasMessageContaining("is read-only");

        assertThat(Files.readAllBytes(store.path())).isEqualTo(before);
    }

    @Test
    void aReadOnlyFolderStoreIsRefused() throws IOException {
        StoreLocator target = StoreContents.create("jsondir:" + dir.resolve("folder"), Fixtures.minskyRecords().subList(0, 3));
        chmod(target.path(), "r-xr-xr-x");
        try {
            assertThatThrownBy(() -> migrateInto(target, TargetMode.REPLACE)).isInstanceOf(JobRefusedException.class).hasMessageContaining("is read-only");
            assertThat(StoreContents.records(target)).hasSize(3);
        } finally {
            chmod(target.path(), "rwxr-xr-x"); // the temp folder's clean-up deletes inside it
        }
    }

    /** An audit: a merge replaced a session file its owner made read-only, as only the folder's mode was asked. */
    @Test
    void aFolderStoreWithOneReadOnlySessionFileIsRefused() throws IOException {
        StoreLocator target = StoreContents.create("jsondir:" + dir.resolve("folder"), Fixtures.minskyRecords().subList(0, 3));
        Path kept;
        try (Stream<Path> files = Files.list(target.path())) {
            kept = files.filter(path -> path.toString().endsWith(".json")).sorted().findFirst().orElseThrow();
        }
        byte[] before = Files.readAllBytes(kept);
        chmod(kept, "r--r--r--");

        assertThatThrownBy(() -> migrateInto(target, TargetMode.MERGE)).isInstanceOf(JobRefusedException.class)
                .hasMessageContaining(kept + " is read-only").hasMessageContaining("the store " + target.path());

        assertThat(Files.readAllBytes(kept)).isEqualTo(before);
        assertThat(journal.list()).isEmpty();
    }

    @Test
    void aFileWriteOntoAReadOnlyFileIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("earlier-export.json"), "[]");
        chmod(file, "r--r--r--");

        assertThatThrownBy(() -> AtomicFiles.write(file, out -> out.write("{}".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(ReadOnlyFileException.class).hasMessageContaining("is read-only");
        assertThat(Files.readString(file)).isEqualTo("[]");
    }

    @Test
    void aFolderStoreKeepsItsModesThroughAMergeAndItsUndo() throws IOException {
        StoreLocator target = StoreContents.create("jsondir:" + dir.resolve("shared"), Fixtures.minskyRecords().subList(0, 5));
        chmod(target.path(), "rwxr-xr-x");
        try (Stream<Path> files = Files.list(target.path())) {
            for (Path file : files.filter(path -> path.toString().endsWith(".json")).toList()) {
                chmod(file, "rw-r--r--");
            }
        }
        Map<Path, String> modes = modes(target.path());

        List<SessionRecord> changed = Fixtures.minskyRecords().subList(0, 5).stream().map(record -> record.with("taskId", "md#999")).toList();
        StoreLocator source = StoreContents.create("json:" + dir.resolve("changed.json"), changed);
        JobReport report = new MigrateJob(source, target, new MigrateOptions(Optional.empty(), Optional.of(TargetMode.MERGE), false, true), journal)
                .run(ProgressMonitor.NONE);

        assertThat(StoreContents.records(target)).allSatisfy(record -> assertThat(record.taskId()).contains("md#999"));
        assertThat(modes(target.path())).as("rewritten files keep their modes").isEqualTo(modes);

        journal.restore(journal.require(report.backupId().orElseThrow()), ProgressMonitor.NONE);

        assertThat(StoreContents.records(target)).noneSatisfy(record -> assertThat(record.taskId()).contains("md#999"));
        assertThat(modes(target.path())).as("the undo keeps the folder's and its files' modes").isEqualTo(modes);
    }

    private void migrateInto(StoreLocator target, TargetMode mode) {
        StoreLocator source = StoreLocator.parse("json:" + Fixtures.copy(Fixtures.MINSKY_ARRAY, dir));
        new MigrateJob(source, target, new MigrateOptions(Optional.empty(), Optional.of(mode), false, true), journal).run(ProgressMonitor.NONE);
    }

    /** The folder's mode and each session file's, by path. */
    private static Map<Path, String> modes(Path folder) throws IOException {
        try (Stream<Path> files = Stream.concat(Stream.of(folder), Files.list(folder).filter(path -> path.toString().endsWith(".json")))) {
            return files.collect(Collectors.toMap(path -> path, ReadOnlyStoresTest::mode));
        }
    }

    private static String mode(Path path) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void chmod(Path path, String mode) throws IOException {
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
    }
}
