package dev.sessiondb.store;

/** One record's key and the SHA-256 of the record as its store keeps it (see {@link SessionStore#hashAsStored}). */
public record StoredHash(String key, String hash) {
}
