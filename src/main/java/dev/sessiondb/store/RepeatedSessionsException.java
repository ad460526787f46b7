package dev.sessiondb.store;

import java.util.List;
import java.util.Optional;

/**
 * A JSON file in which a session's key repeats. No command reads it as a store, as every job keys its records by
 * session; each repeat is named with both records and whether they are the same, so validate can list them.
 */
public final class RepeatedSessionsException extends StoreException {

    /**
     * @param first     where the first record of the session starts ({@code record 1 (line 2, column 3)})
     * @param second    where the repeat starts
     * @param identical whether the two records are the same text once compact: deleting either loses nothing
     * @param differing the fields whose values differ (none when only their order does)
     */
    public record Repeat(String session, String first, String second, boolean identical, List<String> differing) {

        public Repeat {
            differing = List.copyOf(differing);
        }

        public String describe() {
            String how = identical ? "the two records identical"
                    : differing.isEmpty() ? "the two records holding the same values in another order" : "the two records differing in " + String.join(", ", differing);
            return "session '" + session + "' appears twice, in " + first + " and in " + second + ", " + how;
        }
    }

    private final String file;
    private final List<Repeat> repeats;
    private final Optional<String> byHand;

    /** @param repeats every repeat in the file, in file order; at least one */
    public RepeatedSessionsException(String file, List<Repeat> repeats, String advice) {
        this(file, repeats, advice, Optional.empty());
    }

    /**
     * @param byHand how a person removes a repeat where repair does not (rows of a SQL table, not records of a JSON file);
     *               empty where repair removes the identical ones
     */
    public RepeatedSessionsException(String file, List<Repeat> repeats, String advice, Optional<String> byHand) {
        super(file + ": " + repeats.get(0).describe() + (repeats.size() == 1 ? "; keep one of them"
                : " (and " + (repeats.size() - 1) + " more repeats); keep one of each") + " (sessiondb validate lists every repeat); " + advice);
        this.file = file;
        this.repeats = List.copyOf(repeats);
        this.byHand = byHand;
    }

    public Optional<String> byHand() {
        return byHand;
    }

    public String file() {
        return file;
    }

    public List<Repeat> repeats() {
        return repeats;
    }
}
