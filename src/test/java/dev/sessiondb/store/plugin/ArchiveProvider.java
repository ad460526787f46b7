package dev.sessiondb.store.plugin;

import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreLocator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * A backend that is none of the built-ins, as a new one would come: its own scheme
 * ({@code archive:PATH}, JSON files underneath) and its own snapshot kind, declared here and
 * listed in the test class path's {@code META-INF/services}, with no edit anywhere else.
 */
public final class ArchiveProvider extends SchemeOnlyJsonProvider {

    static final StoreFormat FORMAT = StoreFormat.of("archive");
    static final SnapshotKind SEALED = new SnapshotKind("archive-sealed");

    @Override
    public StoreFormat format() {
        return FORMAT;
    }

    @Override
    public Optional<SnapshotKind> snapshot(SessionStore store, Path folder) throws IOException {
        Files.copy(store.locator().path(), folder, StandardCopyOption.COPY_ATTRIBUTES);
        return Optional.of(SEALED);
    }

    @Override
    public void restore(SnapshotKind kind, Path folder, StoreLocator locator) throws IOException {
        if (!kind.equals(SEALED)) {
            throw new IOException("not an archive snapshot: " + kind.id());
        }
        super.restore(SnapshotKind.FILE, folder, locator);
    }
}
