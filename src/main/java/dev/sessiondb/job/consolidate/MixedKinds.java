package dev.sessiondb.job.consolidate;

import dev.sessiondb.model.SessionKind;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A consolidation of stores kept by different tools puts their sessions in one store, which the tool reading it expects
 * to hold its own kind only: the plan warns, naming each kind and how many, and still lets the user go on.
 */
final class MixedKinds {

    private MixedKinds() {
    }

    static Optional<String> warning(Map<SessionKind, Long> kinds) {
        if (kinds.size() < 2) {
            return Optional.empty();
        }
        String counts = kinds.entrySet().stream().map(kind -> String.format("%,d %s", kind.getValue(), named(kind.getKey(), kind.getValue())))
                .collect(Collectors.joining(", "));
        return Optional.of("the target will mix kinds of session: " + counts + "; the tools that read a store expect sessions of their own kind"
                + " only, so consolidate each kind into a store of its own unless mixing them is what you want");
    }

    private static String named(SessionKind kind, long count) {
        String sessions = count == 1 ? "session" : "sessions";
        return switch (kind) {
            case MINSKY -> "Minsky " + sessions;
            case MAGELLAI -> "magellai " + sessions;
            case CHAT -> "chat server " + sessions;
            case OTHER -> sessions + " of no tool sessiondb knows";
        };
    }
}
