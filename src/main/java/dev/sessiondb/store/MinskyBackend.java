package dev.sessiondb.store;

import java.util.List;

/**
 * How Minsky is pointed at a store (formats.md, "Backend selection"): its backend name, the
 * environment variable and the {@code config.yaml} key that locate the store, and what else the user must do.
 *
 * @param name              {@code MINSKY_SESSIONDB_BACKEND} and {@code sessiondb.backend}
 * @param variable          the environment variable naming the store's location
 * @param section           the {@code config.yaml} section under {@code sessiondb} for this backend
 * @param key               the key in that section naming the store's location
 * @param location          the location itself, never with a password
 * @param notes             further steps for the user, one line each
 * @param readsOnlyMinskyLayout true when Minsky reads this store only in its own layout
 */
public record MinskyBackend(String name, String variable, String section, String key, String location, List<String> notes,
                            boolean readsOnlyMinskyLayout) {

    public MinskyBackend {
        notes = List.copyOf(notes);
    }
}
