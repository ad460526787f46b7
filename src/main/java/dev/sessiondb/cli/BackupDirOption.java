package dev.sessiondb.cli;

import dev.sessiondb.job.backup.BackupJournal;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --backup-dir}: where backups and job reports go; default SessionDB Admin's data directory. */
final class BackupDirOption {

    @Option(names = "--backup-dir", paramLabel = "DIR",
            description = "Where backups and job reports are kept (default: ~/.local/share/sessiondb-admin).")
    Path backupDir;

    BackupJournal journal() {
        return backupDir == null ? BackupJournal.ofSystem() : new BackupJournal(backupDir);
    }
}
