package dev.sessiondb.ui.diff;

/**
 * One difference between the two stores, as the table lists it.
 *
 * @param key     the session's key in A, to load its record (never shown: {@link #session} is the masked form)
 * @param keyB    its key in B: the same as {@code key}, unless two sessions were compared on their own
 * @param session the key as shown, secrets masked
 * @param fields  for a changed session, the changed paths ("pullRequest.state, status"); empty otherwise
 */
public record DiffRow(String key, String keyB, String session, Kind kind, int changedFields, String fields) {

    public enum Kind {
        ONLY_IN_A("Only in A"), ONLY_IN_B("Only in B"), CHANGED("Changed"), IDENTICAL("Identical");

        private final String text;

        Kind(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }
}
