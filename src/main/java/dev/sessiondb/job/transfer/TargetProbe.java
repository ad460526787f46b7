package dev.sessiondb.job.transfer;

import dev.sessiondb.job.FileTrees;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreLocator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A store to ask what the target can hold, without writing to the target: the target itself
 * when it exists, else an empty store of its format and layout in a scratch folder. A
 * PostgreSQL target that does not exist yet is stood in for by SQLite in the same layout.
 */
final class TargetProbe implements AutoCloseable {

    private final SessionStore store;
    private final Path scratch;
    private final Optional<String> note;

    private TargetProbe(SessionStore store, Path scratch, Optional<String> note) {
        this.store = store;
        this.scratch = scratch;
        this.note = note;
    }

    static TargetProbe open(TargetState target) {
        if (target.exists()) {
            return new TargetProbe(StoreFactory.open(target.locator(), OpenMode.EXISTING), null, Optional.empty());
        }
        StoreLocator locator = target.locator();
        try {
            Path scratch = Files.createTempDirectory("sessiondb-probe");
            boolean server = locator.format() == StoreFormat.POSTGRESQL;
            StoreFormat format = server ? StoreFormat.SQLITE : locator.format();
            StoreLocator stand = new StoreLocator(format, scratch.resolve("probe").toString(), locator.params());
            Optional<String> note = server
                    ? Optional.of("the PostgreSQL target does not exist yet: the fields it cannot hold are estimated from the same layout in SQLite, and checked again before writing")
                    : Optional.empty();
            return new TargetProbe(StoreFactory.open(stand, OpenMode.CREATE_IF_MISSING), scratch, note);
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("cannot make a scratch folder to plan the move (" + e.getMessage() + "); check the temp directory", e));
        }
    }

    SessionStore store() {
        return store;
    }

    /** What the user should know about how the plan was made. */
    Optional<String> note() {
        return note;
    }

    @Override
    public void close() {
        store.close();
        if (scratch != null) {
            try {
                FileTrees.delete(scratch);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
