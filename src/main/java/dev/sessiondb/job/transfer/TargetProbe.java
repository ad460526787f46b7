package dev.sessiondb.job.transfer;

import dev.sessiondb.files.FileTrees;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.StoreProvider;
import dev.sessiondb.store.StoreProviders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * An empty store standing in for a target that does not exist yet, so a plan can ask what the
 * target can hold without writing anything: the provider's stand-in, in a scratch folder.
 */
final class TargetProbe implements AutoCloseable {

    private final SessionStore store;
    private final StoreProvider provider;
    private final Path scratch;
    private final Optional<String> note;

    private TargetProbe(SessionStore store, StoreProvider provider, Path scratch, Optional<String> note) {
        this.store = store;
        this.provider = provider;
        this.scratch = scratch;
        this.note = note;
    }

    static TargetProbe standingInFor(StoreLocator target) {
        try {
            Path scratch = Files.createTempDirectory("sessiondb-probe");
            StoreProvider provider = StoreProviders.of(target);
            StoreProvider.StandIn standIn = provider.standIn(target, scratch);
            return new TargetProbe(StoreFactory.open(standIn.locator(), OpenMode.CREATE_IF_MISSING), provider, scratch, standIn.note());
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("cannot make a scratch folder to plan the move (" + e.getMessage() + "); check the temp directory", e));
        }
    }

    /** A plan's scan of the records over the stand-in, which also refuses what the target's own format would. */
    RecordScan scan() {
        return new RecordScan(store, provider::formatRefusals);
    }

    /** What the user should know about how the plan was made. */
    Optional<String> note() {
        return note;
    }

    @Override
    public void close() {
        store.close();
        try {
            FileTrees.delete(scratch);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
