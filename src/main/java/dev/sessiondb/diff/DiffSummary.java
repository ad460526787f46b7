package dev.sessiondb.diff;

import java.util.Optional;

/**
 * How many sessions fell in each part of a diff.
 *
 * @param kindsApart that the two stores share no kind of session, whose ("A holds Minsky's sessions, B a chat server's: no session
 *                   can be the same in both."), or that two sessions compared are two tools' ({@link SessionsCompared}); null when
 *                   they share one or either holds none
 */
public record DiffSummary(long onlyInA, long onlyInB, long changed, long identical, String kindsApart) {

    /** A diff of stores that share a kind of session, or of two sessions of one tool. */
    public DiffSummary(long onlyInA, long onlyInB, long changed, long identical) {
        this(onlyInA, onlyInB, changed, identical, null);
    }

    public boolean isEqual() {
        return onlyInA == 0 && onlyInB == 0 && changed == 0;
    }

    /** See {@link #kindsApart}: what a user who picked the wrong store is told first. */
    public Optional<String> differentKinds() {
        return Optional.ofNullable(kindsApart);
    }
}
