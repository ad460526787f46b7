package dev.sessiondb.diff;

import java.util.List;
import java.util.Optional;

/**
 * Two sessions compared field by field ({@link StoreDiff#compareSessions}).
 *
 * @param changes    the fields that differ, as a diff of stores counts them
 * @param kindsApart that the two are different tools' sessions, whose ("A is Minsky's session, B a chat server's: they cannot be
 *                   the same session."); null when they are one tool's
 */
public record SessionsCompared(List<FieldChange> changes, String kindsApart) {

    public boolean isIdentical() {
        return changes.isEmpty();
    }

    /** See {@link #kindsApart}: what a user who picked the wrong session or store is told first. */
    public Optional<String> differentKinds() {
        return Optional.ofNullable(kindsApart);
    }

    /** As a diff of stores counts the session: changed or identical, and told apart by kind the same way. */
    public DiffSummary summary() {
        return new DiffSummary(0, 0, isIdentical() ? 0 : 1, isIdentical() ? 1 : 0, kindsApart);
    }

    /** The same with each changed value's secrets masked, for output. */
    public SessionsCompared masked() {
        return new SessionsCompared(changes.stream().map(FieldChange::masked).toList(), kindsApart);
    }
}
