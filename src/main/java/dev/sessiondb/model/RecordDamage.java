package dev.sessiondb.model;

/**
 * Why a stored record no longer reads as a record, and what to do about it, quoting none of its
 * text (it may hold a secret): what a listing shows in the record's place ({@link SessionRecord#unreadable}).
 *
 * @param what which session and what is wrong with its text
 * @param todo how to restore or remove it
 */
public record RecordDamage(String what, String todo) {
}
