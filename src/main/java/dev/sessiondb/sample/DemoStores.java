package dev.sessiondb.sample;

import dev.sessiondb.files.FileTrees;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.WriteBatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.function.LongFunction;
import java.util.stream.LongStream;

/**
 * The demo the desktop app offers on an empty first start, made by the tests' sample factory: a
 * workstation's store of {@value #SESSIONS} Minsky sessions with the defects real stores have
 * (mixed task-id forms, repo-name variants, a few workspaces gone), a laptop's store that shares
 * {@value #SHARED} of them (every third changed there) and has {@value #LAPTOP_ONLY} of its own,
 * and Minsky's workspace folders, one of which no record names.
 *
 * @param directory where the demo lives (the app's data dir, {@code demo/})
 */
public record DemoStores(Path directory) {

    public static final int SESSIONS = 3_000;
    public static final int SHARED = 600;
    public static final int LAPTOP_ONLY = 400;
    /** The workspace folder that no record names (validation's workspace-unregistered finding). */
    public static final String UNREGISTERED_WORKSPACE = "task-md#009999";
    private static final long SEED = 2026;
    /** One workspace in this many is gone from disk (workspace-missing). */
    private static final int MISSING_EVERY = 97;

    public StoreLocator workstation() {
        return StoreLocator.of(StoreFormat.SQLITE, directory.resolve("demo-workstation.db"));
    }

    public StoreLocator laptop() {
        return StoreLocator.of(StoreFormat.SQLITE, directory.resolve("demo-laptop.db"));
    }

    /** The demo's Minsky state folder: {@code sessions/<session>} workspaces, to validate against. */
    public Path minskyState() {
        return directory.resolve("minsky-state");
    }

    public boolean exists() {
        return Files.isDirectory(directory);
    }

    /** Builds the demo beside its place and renames it there, so a half-made demo is never found. */
    public void create(ProgressMonitor monitor) {
        Path building = directory.resolveSibling(directory.getFileName() + ".building");
        try {
            FileTrees.delete(building);   // a demo whose making was killed
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot remove the unfinished demo " + building + ": " + failure.getMessage(), failure);
        }
        DemoStores draft = new DemoStores(building);
        monitor.message("writing the workstation's demo sessions");
        fill(draft.workstation(), 0, SESSIONS, index -> SampleSessions.minskyRecord(index, SEED), monitor);
        monitor.message("writing the laptop's demo sessions");
        fill(draft.laptop(), SESSIONS - SHARED, SHARED + LAPTOP_ONLY, index -> SampleSessions.minskyRecordElsewhere(index, SEED), monitor);
        try {
            for (long index = 0; index < SESSIONS + LAPTOP_ONLY; index++) {
                if (index % MISSING_EVERY != 5) {
                    Files.createDirectories(draft.workspace(SampleSessions.minskyRecord(index, SEED).key()));
                }
            }
            Files.createDirectories(draft.workspace(UNREGISTERED_WORKSPACE));
            Files.move(building, directory, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot create the demo stores in " + directory + ": " + failure.getMessage(), failure);
        }
    }

    private Path workspace(String session) {
        return minskyState().resolve("sessions").resolve(session);
    }

    /** Writes sessions {@code first..first+count-1}, their workspaces in the demo's final place, not the draft's. */
    private void fill(StoreLocator locator, long first, long count, LongFunction<SessionRecord> factory, ProgressMonitor monitor) {
        Iterator<SessionRecord> records = LongStream.range(first, first + count).mapToObj(factory)
                .map(record -> record.with("repoPath", workspace(record.key()).toString())).iterator();
        try (SessionStore store = StoreFactory.open(locator, OpenMode.CREATE_IF_MISSING)) {
            store.write(WriteBatch.upsert(records, count), monitor);
        }
    }
}
