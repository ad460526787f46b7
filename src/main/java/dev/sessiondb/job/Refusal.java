package dev.sessiondb.job;

/**
 * Why a job would refuse to run. The text is the command line's words, naming its flags; the
 * reason says what the refusal is about, so a window can word it for its own controls instead.
 *
 * @param reason what the refusal is about
 * @param text   the refusal in the command line's words
 */
public record Refusal(Reason reason, String text) {

    public enum Reason {
        /** The target holds records, and the job was not told to replace or merge them. */
        TARGET_HOLDS_RECORDS,
        /** A replace from a source that holds no sessions would empty the target. */
        REPLACE_WITH_EMPTY_SOURCE,
        /** Sessions differ between sources, and no version or policy was chosen for them. */
        CONFLICTS_UNCHOSEN,
        /** Anything else: its text suits every shell. */
        OTHER
    }

    public static Refusal other(String text) {
        return new Refusal(Reason.OTHER, text);
    }
}
