package dev.sessiondb.store;

/**
 * Whether a store was written since the watch began, by anyone: what a window showing the store asks every few seconds, so each
 * answer must cost little however large the store ({@link SessionStore#watchChanges}).
 */
@FunctionalInterface
public interface ChangeWatch {

    /**
     * @throws StoreException when the store cannot be looked at, naming why
     */
    boolean changed();

    /** By the store's fingerprint, for stores whose fingerprint is a cheap look already. */
    static ChangeWatch byFingerprint(SessionStore store) {
        StoreFingerprint start = store.fingerprint();
        return () -> !store.fingerprint().equals(start);
    }
}
