package dev.sessiondb.store;

/**
 * What a cheap look at a store sees: equal fingerprints mean "unchanged as far as a cheap look
 * can tell" (file sizes and modification times, or a count and an aggregate the database keeps).
 *
 * @param count the number of sessions, or -1 when it is not known without reading the store
 * @param token the rest of what was looked at, compared as text
 */
public record StoreFingerprint(long count, String token) {
}
