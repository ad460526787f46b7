package dev.sessiondb.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.job.StoreContents;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.job.migrate.MigrateJob;
import dev.sessiondb.job.migrate.MigrateOptions;
import dev.sessiondb.job.transfer.TargetMode;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreFaults;
import dev.sessiondb.store.StoreLeftoversException;
import dev.sessiondb.store.StoreLocator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window words a failure without the command line's options (audit D: it told GUI users to pass --backup-dir). */
class FailureTextTest {

    @TempDir
    Path dir;

    @Test
    void aBackupThatCannotBeWrittenIsToldWithWhereTheAppKeepsBackups() throws IOException {
        StoreLocator source = StoreContents.create("json:" + dir.resolve("a.json"), SampleSessions.minskyList(3, 1));
        StoreLocator target = StoreContents.create("json:" + dir.resolve("b.json"), SampleSessions.minskyList(2, 2));
        Path journal = dir.resolve("journal");
        BackupJournal backups = new BackupJournal(journal);
        Files.createDirectories(journal);
        Files.writeString(backups.root().resolve("backups"), "a file where the backups' folder goes");

        Exception failure = failureOf(() -> new MigrateJob(source, target,
                new MigrateOptions(Optional.empty(), Optional.of(TargetMode.REPLACE), false, true), backups).run(ProgressMonitor.NONE));

        assertThat(StoreFaults.describe(failure)).as("the engine's words, for the command line").contains("--backup-dir");
        assertThat(FailureText.describe(failure)).doesNotContain("--backup-dir").doesNotContain("the command")
                .contains("the app keeps its backups in sessiondb-admin in the data folder");
    }

    /** A failure whose new store's tables could not be taken away says so in the window too, as the command line says it. */
    @Test
    void aFailureThatLeftEmptyTablesNamesThemAndHowToRemoveThem() {
        String left = "the target holds none of the records, but the empty tables the job made could not be taken away (the server is gone):"
                + " \"s\".\"sessions\"; once the server is back, remove them with DROP TABLE \"s\".\"sessions\";";
        RuntimeException failure = new StoreException("postgresql://db?schema=s: writing failed (the server closed the connection)");
        failure.addSuppressed(new StoreLeftoversException("postgresql://db?schema=s", left, null));

        assertThat(FailureText.describe(failure)).startsWith("postgresql://db?schema=s: writing failed").endsWith("; " + left);
    }

    private static Exception failureOf(Runnable work) {
        try {
            work.run();
        } catch (UncheckedIOException | IllegalStateException failed) {
            return failed;
        }
        throw new AssertionError("the job did not fail");
    }
}
