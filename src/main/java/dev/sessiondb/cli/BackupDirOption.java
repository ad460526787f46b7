package dev.sessiondb.cli;

import dev.sessiondb.catalog.CatalogRecorder;
import dev.sessiondb.files.ReadOnlyMount;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.store.selection.MinskyPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --backup-dir}: where backups, job reports and the catalog that lists them go; default
 * SessionDB Admin's data directory.
 */
final class BackupDirOption {

    @Option(names = "--backup-dir", paramLabel = "DIR",
            description = "Where backups, job reports and the job history are kept (default: ${env:XDG_DATA_HOME:-~/.local/share}/sessiondb-admin).")
    Path backupDir;

    /** What to do when the folder read holds nothing because it is the wrong one. */
    static final String NAME_THE_FOLDER = "name the folder the jobs were given with --backup-dir, or leave it out for the default";

    Path folder() {
        return backupDir == null ? MinskyPaths.ofSystem().appDataDir() : backupDir;
    }

    /**
     * The folder {@code history} and {@code undo} read; a file named as it is refused, as it holds no history: read as an
     * empty folder, it said "No jobs recorded." and "no backup left to restore".
     *
     * @throws IllegalArgumentException naming the file and what to give instead
     */
    Path folderToRead() {
        Path folder = folder();
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new IllegalArgumentException("--backup-dir " + folder + " is a file, not the folder of backups and job history; " + NAME_THE_FOLDER);
        }
        return folder;
    }

    /** The folder read, said not to exist when it does not: a misspelt --backup-dir reads as one with no jobs or backups. */
    static String described(Path folder) {
        return folder + (Files.isDirectory(folder) ? "" : " (the folder does not exist)");
    }

    /**
     * Where job reports are saved, to print the report's path; asked by a run that writes, so the
     * folder is checked first (it or the nearest folder above it that exists must be a writable
     * folder; nothing is made yet): a job must not find out after its write that it cannot keep its backup or report.
     *
     * @throws IllegalArgumentException naming the folder and why, before anything is read or written
     */
    Path reportsDir() {
        Path folder = folder().toAbsolutePath();
        Path existing = folder;
        while (!Files.exists(existing) && existing.getParent() != null) {
            existing = existing.getParent();
        }
        if (!Files.isDirectory(existing)) {
            throw unusable(folder, existing.equals(folder) ? "it is not a folder" : existing + " is not a folder");
        }
        if (!Files.isWritable(existing)) {
            throw unusable(folder, (existing.equals(folder) ? "it" : existing.toString())
                    + (ReadOnlyMount.holds(existing) ? " is on a read-only file system" : " is not writable by this user"));
        }
        return new BackupJournal(folder()).reportsDir();
    }

    private static IllegalArgumentException unusable(Path folder, String why) {
        return new IllegalArgumentException("cannot keep backups and job reports in " + folder + " (" + why
                + "); nothing was read or written; choose another folder with --backup-dir");
    }

    /** The journal, recording every run in the catalog; a catalog that cannot be written is one warning among the {@code notices}. */
    BackupJournal journal(Notices notices) {
        // the recorder's words begin "warning: ", as the window's status line shows them
        return CatalogRecorder.journal(folder(), warning -> notices.warning(warning.replaceFirst("^warning: ", "")));
    }
}
