package dev.sessiondb.job;

/**
 * Why a job would refuse to run: what stands in the way, and what to do about it in the command
 * line's words, naming its flags. The reason says what the refusal is about, so a window can
 * say what to do with its own controls instead.
 *
 * @param reason  what the refusal is about
 * @param problem what stands in the way
 * @param remedy  what to do about it on the command line; empty when the problem says it all
 */
public record Refusal(Reason reason, String problem, String remedy) {

    public enum Reason {
        /** The target holds records, and the job was not told to replace or merge them. */
        TARGET_HOLDS_RECORDS,
        /** A replace from a source that holds no sessions would empty the target. */
        REPLACE_WITH_EMPTY_SOURCE,
        /** Sessions differ between sources, and no version or policy was chosen for them. */
        CONFLICTS_UNCHOSEN,
        /** A version was chosen for a key that is no conflict, or from a store that holds no version of it. */
        CHOICE_UNMATCHED,
        /** The target's layout cannot hold some fields, and loss was not allowed. */
        FIELDS_TARGET_CANNOT_HOLD,
        /** Minsky's columns refuse some records (too long, a required value missing); the native layout keeps them. */
        MINSKY_COLUMNS_REFUSE_RECORDS,
        /** The target keys messages by id across sessions (the chat server's), and some message id would belong to two sessions. */
        MESSAGE_IDS_OF_TWO_SESSIONS,
        /** Anything else: its text suits every shell. */
        OTHER
    }

    public static Refusal other(String text) {
        return new Refusal(Reason.OTHER, text, "");
    }

    /** The refusal in the command line's words. */
    public String text() {
        return remedy.isEmpty() ? problem : problem + "; " + remedy;
    }
}
