package dev.sessiondb.store.plugin;

import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.StoreFormat;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * JSON files under their own scheme ({@code held:PATH}) whose backup, while a file {@code PATH.hold}
 * lies beside the store, writes {@code PATH.held} and waits until the job is asked to stop: how a
 * test stops a job in a child JVM at a known point (a backup taken, nothing written) with no timing.
 * With {@code PATH.hold-after-cancel} too, once cancelled it writes {@code PATH.cancel-seen} and waits
 * for {@code PATH.release}: the test sends later signals while the job still runs. With {@code PATH.hold-before-work}, opening
 * the store or looking at its change mark (as an undo does before it restores) writes {@code PATH.looking} and waits for
 * {@code PATH.release}: a command stopped before any job's work.
 * Listed in the test class path's {@code META-INF/services}.
 */
public final class HeldBackupProvider extends SchemeOnlyJsonProvider {

    /** The thread {@code JobRunner}'s shutdown hook runs in: once it waits for the job to print, the job has been cancelled. */
    private static final String CANCEL_HOOK = "sessiondb-cancel";

    @Override
    public StoreFormat format() {
        return StoreFormat.of("held");
    }

    @Override
    public SessionStore open(StoreLocator locator, OpenMode mode) {
        holdBeforeWork(locator.path());
        return super.open(locator, mode);
    }

    @Override
    public Optional<String> changeMark(StoreLocator locator) {
        holdBeforeWork(locator.path());
        return super.changeMark(locator);
    }

    @Override
    public Optional<SnapshotKind> snapshot(SessionStore store, Path folder) throws IOException {
        Path file = store.locator().path();
        if (Files.exists(beside(file, ".hold"))) {
            Files.createFile(beside(file, ".held"));
            awaitCancel();
            if (Files.exists(beside(file, ".hold-after-cancel"))) {
                Files.createFile(beside(file, ".cancel-seen"));
                awaitFile(beside(file, ".release"));
            }
        }
        Files.copy(file, folder, StandardCopyOption.COPY_ATTRIBUTES);
        return Optional.of(SnapshotKind.FILE);
    }

    private static void holdBeforeWork(Path file) {
        if (Files.exists(beside(file, ".hold-before-work"))) {
            try {
                Files.createFile(beside(file, ".looking"));
                awaitFile(beside(file, ".release"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public static Path beside(Path store, String suffix) {
        return store.resolveSibling(store.getFileName() + suffix);
    }

    private static void awaitFile(Path file) throws InterruptedIOException {
        try {
            while (!Files.exists(file)) {
                Thread.sleep(5);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while held");
        }
    }

    private static void awaitCancel() throws InterruptedIOException {
        try {
            while (Thread.getAllStackTraces().keySet().stream()
                    .noneMatch(thread -> thread.getName().equals(CANCEL_HOOK) && thread.getState() == Thread.State.TIMED_WAITING)) {
                Thread.sleep(5);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while held");
        }
    }
}
