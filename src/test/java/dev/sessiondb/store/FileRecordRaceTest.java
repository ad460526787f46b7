package dev.sessiondb.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.file.StoreFileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another sessiondb holds a file store's lock and changes a record while the app's guarded write
 * of it waits for that lock: the app compares after it gets the lock, so it refuses with both
 * versions and the other's change stays.
 */
class FileRecordRaceTest {

    private static final long LONGEST_WAIT_NANOS = 60_000_000_000L;

    @TempDir
    Path directory;

    @Test
    void jsonFile() throws Exception {
        Path file = directory.resolve("s.json");
        Path theirs = directory.resolve("theirs.json");
        race(StoreLocator.parse("json:" + file), StoreLocator.parse("json:" + theirs), file.resolveSibling(".s.json.lock"),
                () -> Files.copy(theirs, file, StandardCopyOption.REPLACE_EXISTING));
    }

    @Test
    void jsonDirectory() throws Exception {
        Path dir = directory.resolve("sessions");
        Path theirs = directory.resolve("theirs");
        race(StoreLocator.parse("jsondir:" + dir), StoreLocator.parse("jsondir:" + theirs), dir.resolve(".sessiondb.lock"), () -> {
            try (var files = Files.list(theirs)) {
                for (Path changed : files.filter(path -> path.getFileName().toString().endsWith(".json")).toList()) {
                    Files.copy(changed, dir.resolve(changed.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        });
    }

    private void race(StoreLocator store, StoreLocator theirsStore, Path lockFile, FileChange writeTheirs) throws Exception {
        List<SessionRecord> records = SampleSessions.minskyList(3, 41);
        String key = records.get(0).key();
        try (SessionStore app = filled(store, records); SessionStore theirs = filled(theirsStore, records)) {
            SessionRecord loaded = app.get(key).orElseThrow();
            theirs.put(loaded.with("branch", "theirs"));

            AtomicReference<Thread> writer = new AtomicReference<>();
            CompletableFuture<Optional<SessionRecord>> save;
            try (StoreFileLock otherWriter = StoreFileLock.acquire(lockFile)) {
                save = CompletableFuture.supplyAsync(() -> {
                    writer.set(Thread.currentThread());
                    return app.writeIfUnchanged(key, Optional.of(loaded), Optional.of(loaded.with("branch", "mine")));
                });
                awaitWaitingForTheLock(writer);
                writeTheirs.run();
            }

            assertThatThrownBy(save::get).isInstanceOf(ExecutionException.class).cause()
                    .isInstanceOfSatisfying(StaleRecordException.class, stale -> {
                        assertThat(stale.loaded()).contains(loaded);
                        assertThat(stale.current().orElseThrow().branch()).contains("theirs");
                    });
            assertThat(app.get(key).orElseThrow().branch()).contains("theirs");
        }
    }

    /** The app's write is parked in {@link StoreFileLock#acquire}: a state, read from the thread, never a pause. */
    private static void awaitWaitingForTheLock(AtomicReference<Thread> writer) throws InterruptedException {
        long deadline = System.nanoTime() + LONGEST_WAIT_NANOS;
        while (writer.get() == null || writer.get().getState() != Thread.State.WAITING
                || Arrays.stream(writer.get().getStackTrace()).noneMatch(frame -> frame.getClassName().equals(StoreFileLock.class.getName()))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the app's write never waited for the store's lock");
            }
            Thread.sleep(20);
        }
    }

    private static SessionStore filled(StoreLocator locator, List<SessionRecord> records) {
        SessionStore store = StoreFactory.open(locator, OpenMode.CREATE_IF_MISSING);
        store.write(WriteBatch.upsert(records.iterator(), records.size()), ProgressMonitor.NONE);
        return store;
    }

    @FunctionalInterface
    private interface FileChange {
        void run() throws Exception;
    }
}
