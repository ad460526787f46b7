package dev.sessiondb.cli;

import dev.sessiondb.catalog.CatalogRecorder;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.store.selection.MinskyPaths;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --backup-dir}: where backups, job reports and the catalog that lists them go; default
 * SessionDB Admin's data directory.
 */
final class BackupDirOption {

    @Option(names = "--backup-dir", paramLabel = "DIR",
            description = "Where backups, job reports and the job history are kept (default: ~/.local/share/sessiondb-admin).")
    Path backupDir;

    Path folder() {
        return backupDir == null ? MinskyPaths.ofSystem().appDataDir() : backupDir;
    }

    /** Where job reports are saved, to print the report's path. */
    Path reportsDir() {
        return new BackupJournal(folder()).reportsDir();
    }

    /** The journal, recording every run in the catalog; a catalog that cannot be written is one warning on {@code err}. */
    BackupJournal journal(PrintWriter err) {
        return CatalogRecorder.journal(folder(), warning -> {
            err.println("sessiondb: " + warning);
            err.flush();
        });
    }
}
