package dev.sessiondb.job.transfer;

import dev.sessiondb.model.SessionKind;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A consolidation of stores kept by different tools, or a merge of one tool's sessions into another's store, puts their
 * sessions in one store, which the tool reading it expects to hold its own kind only: the plan warns, naming each kind and
 * how many, and still lets the user go on. Consolidate and migrate say it in the same words.
 */
public final class MixedKinds {

    private MixedKinds() {
    }

    /**
     * @param written    how many of the records written are of each kind
     * @param targetKept how many of a merge target's own sessions of each kind stay in it beside them; none into a new or replaced target
     */
    public static Optional<String> warning(Map<SessionKind, Long> written, Map<SessionKind, Long> targetKept) {
        Map<SessionKind, Long> kinds = new EnumMap<>(SessionKind.class);
        kinds.putAll(written);
        targetKept.forEach((kind, count) -> kinds.merge(kind, count, Long::sum));
        if (kinds.size() < 2) {
            return Optional.empty();
        }
        String held = targetKept.isEmpty() ? "" : " (the target's own: " + counted(targetKept) + ")";
        return Optional.of("the target will mix kinds of session: " + counted(kinds) + held + "; the tools that read a store expect sessions of"
                + " their own kind only, so consolidate each kind into a store of its own unless mixing them is what you want");
    }

    /** "217 Minsky sessions, 1 magellai session". */
    private static String counted(Map<SessionKind, Long> kinds) {
        return kinds.entrySet().stream().map(kind -> String.format("%,d %s", kind.getValue(), named(kind.getKey(), kind.getValue())))
                .collect(Collectors.joining(", "));
    }

    private static String named(SessionKind kind, long count) {
        String sessions = count == 1 ? "session" : "sessions";
        return kind == SessionKind.OTHER ? sessions + " of no tool sessiondb knows" : kind.toolName() + " " + sessions;
    }
}
