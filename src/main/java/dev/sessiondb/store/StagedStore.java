package dev.sessiondb.store;

/**
 * A new store being built: filled through {@link #store()}, then {@link #commit()} makes it
 * appear at its locator in one step (a rename beside the final name, or the end of one
 * transaction). Closing without commit leaves nothing at the locator.
 */
public interface StagedStore extends AutoCloseable {

    SessionStore store();

    /** Closes the store being built and puts it in place. */
    void commit();

    @Override
    void close();
}
