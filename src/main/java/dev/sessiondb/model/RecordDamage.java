package dev.sessiondb.model;

/**
 * Why a stored record no longer reads as a record, and what to do about it, quoting none of its
 * text (it may hold a secret): what a listing shows in the record's place ({@link SessionRecord#unreadable}).
 *
 * @param what which session and what is wrong with its text
 * @param todo how to restore or remove it
 * @param label what a table's row says in the record's place: a damaged record, or valid JSON past a reading limit, which
 *              is not damaged and must not be called so
 */
public record RecordDamage(String what, String todo, String label) {

    public static final String DAMAGED = "damaged record";
    public static final String PAST_A_LIMIT = "record past a reading limit";

    /** A record whose stored text is damaged. */
    public RecordDamage(String what, String todo) {
        this(what, todo, DAMAGED);
    }
}
