package dev.sessiondb.ui.diff;

/**
 * One difference between the two stores, as the table lists it.
 *
 * @param key     the session's key in A, to load its record (never shown: {@link #session} is the masked form)
 * @param keyB    its key in B: the same as {@code key}, unless two sessions were compared on their own
 * @param session the key as shown, secrets masked; both keys, each with its store, when two sessions of other keys were compared
 * @param fields  for a changed session, the changed paths ("pullRequest.state, status"); empty otherwise
 */
public record DiffRow(String key, String keyB, String session, Kind kind, int changedFields, String fields) {

    /** The difference as the table lists it, saying which store holds the session: A, B, or both. */
    public String where() {
        return kind.where;
    }

    public enum Kind {
        ONLY_IN_A("Only in A", "Only in A"), ONLY_IN_B("Only in B", "Only in B"),
        CHANGED("Changed", "Changed (in A and B)"), IDENTICAL("Identical", "Identical (in A and B)");

        private final String text;
        private final String where;

        Kind(String text, String where) {
            this.text = text;
            this.where = where;
        }

        public String text() {
            return text;
        }

        /** The text inside a sentence, "task#500: only in B": lower-cased but for the store's letter. */
        public String inSentence() {
            return Character.toLowerCase(text.charAt(0)) + text.substring(1);
        }
    }
}
