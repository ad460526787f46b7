package dev.sessiondb.job;

import dev.sessiondb.files.AtomicFiles;
import dev.sessiondb.job.backup.Backup;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.StoreChangedException;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.StoreProvider;
import dev.sessiondb.store.StoreProviders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where an export may write. An export holds one session or the few a table shows, so written
 * over a store it would replace every session in it: it never goes onto the store it reads, into
 * that store's folder or another folder store, or over any other session store, with one
 * exception: a file that reads as a store but looks like an earlier export (its backend says so,
 * and no store the app keeps is at that path) is replaced, when the user asks to replace it,
 * after a backup of it in the journal. The command line and the window ask here before writing,
 * each in its own words for a file already there.
 *
 * @param file          where the export goes
 * @param exists        whether a file is there already, which the export would replace
 * @param earlierExport the store-like earlier export at {@code file}, backed up before it is replaced
 */
public record ExportTarget(Path file, boolean exists, Optional<StoreLocator> earlierExport) {

    private static final String NEVER_OVER_A_STORE = "an export never writes over a session store; nothing was written; choose another file";
    /** The job name of an export that replaced an earlier export, in the history and the backup journal. */
    public static final String JOB = "export";

    /**
     * Refuses a file the export must not write, naming it and what to do.
     *
     * @param source the store the export reads
     * @param kept   the stores the app keeps (saved in its list, or read or written by a job), asked only when the file is at
     *               stake: inside a folder a backend recognises, or itself a store
     * @throws JobRefusedException when the file is the source, inside the source's folder or another folder store, a folder, a
     *         session store (other than an earlier export) or one of a store's own files
     */
    public static ExportTarget check(Path file, StoreLocator source, Supplier<List<StoreLocator>> kept) {
        // resolved through links and relative paths: ./s.db, a link to it and its absolute path are one file
        if (source.localPath().isPresent() && StoreProbe.realOrAbsolute(file).equals(StoreProbe.realOrAbsolute(source.path()))) {
            throw new JobRefusedException(file + " is the store being exported from (" + source.display() + "); " + NEVER_OVER_A_STORE);
        }
        requireOutsideFolderStore(file, source, "the store it reads");
        if (Files.isDirectory(file)) {
            throw new JobRefusedException(file + " is a folder; nothing was written; choose a file to export to");
        }
        List<StoreLocator> keptStores = null; // read only when asked: the catalog takes a moment to open
        if (inRecognisedFolder(file)) {
            keptStores = kept.get();
            keptStores.forEach(store -> requireOutsideFolderStore(file, store, "that store"));
        }
        Optional<StoreLocator> earlierExport = Optional.empty();
        for (StoreProvider provider : StoreProviders.all()) {
            Optional<Path> store = provider.storeAt(file);
            if (store.isEmpty()) {
                continue;
            }
            if (Files.isDirectory(store.get())) {
                throw insideFolderStore(file, StoreLocator.of(provider.format(), store.get()).display(), "that store");
            }
            if (!store.get().equals(file)) {
                throw new JobRefusedException(file + " belongs to the store " + store.get() + ", which keeps its latest changes there; " + NEVER_OVER_A_STORE);
            }
            StoreLocator found = StoreLocator.of(provider.format(), file);
            if (!provider.mayBeAnExport(file)) {
                throw new JobRefusedException(file + " is a session store (" + provider.format() + "); " + NEVER_OVER_A_STORE);
            }
            keptStores = keptStores == null ? kept.get() : keptStores;
            if (keptStores.stream().anyMatch(keptStore -> StoreProbe.sameStore(keptStore, found))) {
                throw new JobRefusedException(file + " is a session store (" + provider.format() + ") that SessionDB Admin keeps (saved in its list,"
                        + " or read or written by a job); " + NEVER_OVER_A_STORE);
            }
            earlierExport = Optional.of(found);
        }
        return new ExportTarget(file, Files.exists(file), earlierExport);
    }

    /** What the file is, said when it is an earlier export: the user is asked before it is replaced. */
    public String earlierExportText() {
        return file + " looks like an earlier export (it reads as a " + earlierExport.map(store -> store.format().toString()).orElse("")
                + " session store that SessionDB Admin does not keep)";
    }

    /**
     * Writes the export: in one step, so the file is whole or as it was. An earlier export is first backed up into
     * {@code journal} as the store it reads as, in a run of the history (see {@link #replacedNote} for getting it back),
     * and replaced only if nobody wrote to it since; a write that stops leaves it, and its backup goes.
     *
     * @param source the store the export reads, named by the run
     * @return the backup of the earlier export, when one was replaced
     */
    public Optional<Backup> write(StoreLocator source, BackupJournal journal, AtomicFiles.Content content) throws IOException {
        if (earlierExport.isEmpty()) {
            AtomicFiles.write(file, content);
            return Optional.empty();
        }
        StoreLocator replaced = earlierExport.get();
        String description = "export from " + source.display() + " over the earlier export " + file;
        JobReport.Builder run = journal.startRun(JOB, description, List.of(source), replaced);
        Optional<String> before = journal.endingOnStop(run.runId(), () -> StoreProviders.of(replaced).changeMark(replaced));
        Backup backup = journal.endingOnStop(run.runId(), () -> journal.backUp(run.runId(), replaced, description, ProgressMonitor.NONE));
        try {
            journal.write(backup, () -> {
                try {
                    AtomicFiles.write(file, content, () -> {
                        if (!StoreProviders.of(replaced).changeMark(replaced).equals(before)) {
                            throw new StoreChangedException(file + " changed while the export backed it up; nothing was written; export again");
                        }
                    });
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, () -> StoreProviders.of(replaced).changeMark(replaced).equals(before));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        journal.saveReport(run.backupId(backup.id()).note("replaced " + file + replacedNote(Optional.of(backup), journal)).build());
        return Optional.of(backup);
    }

    /**
     * Said after an export: how to get back the earlier export it replaced, when it replaced one: a copy. (Undo backs up
     * what it replaces as a store, so it could put the earlier export back only over a file that still reads as one, which
     * a one-session export or a transcript does not.)
     */
    public static String replacedNote(Optional<Backup> replaced, BackupJournal journal) {
        return replaced.map(backup -> "; the earlier export there was backed up first as " + backup.id() + "; to put it back: cp '"
                + journal.snapshotOf(backup) + "' '" + StoreLocator.parse(backup.locator()).path() + "'").orElse("");
    }

    /** Whether a folder the file would land in, or one above it, holds what a backend recognises as a store. */
    private static boolean inRecognisedFolder(Path file) {
        for (Path folder = StoreProbe.realOrAbsolute(file).getParent(); folder != null; folder = folder.getParent()) {
            Path candidate = folder;
            if (Files.isDirectory(candidate) && StoreProviders.all().stream().anyMatch(provider -> recognises(provider, candidate))) {
                return true;
            }
        }
        return false;
    }

    /** A folder this user may pass through but not list (a shared /home) holds no store of theirs. */
    private static boolean recognises(StoreProvider provider, Path folder) {
        try {
            return provider.recognises(folder);
        } catch (StoreException unreadable) {
            return false;
        }
    }

    private static void requireOutsideFolderStore(Path file, StoreLocator store, String which) {
        if (store.localPath().isEmpty()) {
            return;
        }
        Optional<Path> folder = StoreProviders.of(store).folderOf(store).map(StoreProbe::realOrAbsolute);
        if (folder.isPresent() && StoreProbe.realOrAbsolute(file).startsWith(folder.get())) {
            throw insideFolderStore(file, store.display(), which);
        }
    }

    /** A file written into a folder store changes that store, and an export takes no backup of it. */
    private static JobRefusedException insideFolderStore(Path file, String folderStore, String which) {
        String change = Files.exists(file) ? "replace one of the files of " : "add a file to ";
        return new JobRefusedException(file + " is inside the folder store " + folderStore + ", so the export would " + change + which
                + " without a backup; nothing was written; choose a file outside the folder store " + folderStore);
    }
}
