package dev.sessiondb.store;

import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * One writing run per store, across processes: held by a job from its backup to its end and by an
 * undo for its whole restore, so a second writer is refused at once instead of racing the first.
 * A file store's lock is an OS lock ({@link FileChannel#tryLock()}) on a file beside it, which the
 * system drops when the holder dies (kill -9 too): the file may stay, and a file whose lock can be
 * taken is stale whatever it says. The holder writes its name into the file for the refusal to quote.
 * A PostgreSQL store's lock is an advisory lock of the server ({@link StoreProvider#holdWriter}).
 */
public interface StoreWriterLock extends AutoCloseable {

    /** The lock file beside a file or folder store. */
    static Path fileOf(Path store) {
        Path absolute = store.toAbsolutePath().normalize();
        return absolute.resolveSibling("." + absolute.getFileName() + ".sessiondb-writer.lock");
    }

    /**
     * Takes the writer lock of the file or folder store at {@code store} for {@code holder}, or refuses at once.
     *
     * @throws StoreBusyException when another run, in this process or another, holds it; nothing was changed
     */
    static StoreWriterLock holdFile(Path store, String display, String holder) {
        return FileWriterLock.hold(fileOf(store), display, holder);
    }

    /** Why a second writer is refused: the store and, when known, the run that writes it. */
    static StoreBusyException busy(String display, String holder) {
        return new StoreBusyException(display + " is being written by " + (holder.isBlank() ? "another sessiondb run" : holder)
                + "; nothing was changed; wait for that run to end (or stop it), then run the command again");
    }

    @Override
    void close();
}
