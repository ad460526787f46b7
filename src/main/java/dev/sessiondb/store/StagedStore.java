package dev.sessiondb.store;

import java.util.function.Consumer;

/**
 * A new store being built: filled through {@link #store()}, then {@link #commit()} makes it
 * appear at its locator in one step (a rename beside the final name, or the end of one
 * transaction). Closing without commit leaves nothing at the locator.
 */
public interface StagedStore extends AutoCloseable {

    SessionStore store();

    /** Closes the store being built and puts it in place. */
    default void commit() {
        commit(ReadAlongside.NOTHING);
    }

    /**
     * As {@link #commit()}, running {@code readAlongside} on the rows written, through a handle of
     * its own on another thread, while the build is finished; returns once both are done, and
     * throws the read's failure (the store is then not put in place where it is still out of sight).
     */
    void commit(Consumer<SessionStore> readAlongside);

    /**
     * Whether {@link #commit(Consumer)} puts the rows in place before {@code readAlongside} reads them (a
     * transaction committed, then the indexes built): a stop during that read no longer takes the write back.
     */
    default boolean placedBeforeReadAlongside() {
        return false;
    }

    @Override
    void close();
}
