package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.job.StoreContents;
import dev.sessiondb.job.backup.Backup;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.store.StoreLocator;
import java.nio.file.Path;
import java.util.List;

/** Jobs and undo through the command line, all with the backup folder {@code dir/journal}, as the undo tests run them. */
record UndoDesk(Path dir) {

    /** Merges {@code records} into the target through the command line, whose journal records the job in the catalog; returns its backup. */
    Backup migrateInto(StoreLocator target, List<SessionRecord> records) {
        StoreLocator source = StoreContents.create("json:" + dir.resolve("source-" + System.nanoTime() + ".json"), records);
        CliRun migrate = CliRun.of("migrate", "--mode", "merge", source.toString(), target.toString(), "--backup-dir", journalDir().toString());
        assertThat(migrate.exitCode()).as(migrate.err()).isZero();
        return journal().latestNotRestored().orElseThrow();
    }

    CliRun undo(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "undo";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--backup-dir";
        all[args.length + 2] = journalDir().toString();
        return CliRun.of(all);
    }

    BackupJournal journal() {
        return new BackupJournal(journalDir());
    }

    private Path journalDir() {
        return dir.resolve("journal");
    }
}
