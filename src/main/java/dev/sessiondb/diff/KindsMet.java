package dev.sessiondb.diff;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.SessionKind;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.store.SessionStore;
import java.io.IOException;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The kinds of session each side of a diff holds, told from the records the diff meets until a kind is found on both sides: a diff
 * of two stores that share none says so first, for a user who picked the wrong store. A record on one side only is told by the
 * top-level names of its compact text ({@link #ofText}), its values skipped unread; once a kind is shared no record's kind is told
 * (an identical record shares its kind untold), so a diff of one tool's stores tells a few. A side whose layout holds one kind
 * ({@link SessionStore#onlyKindHeld}) tells none. Two sessions compared on their own are told apart the same way ({@link #apart(SessionRecord, SessionRecord)}).
 */
final class KindsMet {

    private final Optional<SessionKind> onlyKindA;
    private final Optional<SessionKind> onlyKindB;
    private final Set<SessionKind> kindsA = EnumSet.noneOf(SessionKind.class);
    private final Set<SessionKind> kindsB = EnumSet.noneOf(SessionKind.class);
    /** A kind met on both sides, or nothing to be said: no more record's kind is told. */
    private boolean settled;

    KindsMet(Optional<SessionKind> onlyKindA, Optional<SessionKind> onlyKindB) {
        this.onlyKindA = onlyKindA;
        this.onlyKindB = onlyKindB;
    }

    /** Kinds a diff need not tell, nor say anything of: one side holds no session. */
    static KindsMet unsaid() {
        KindsMet unsaid = new KindsMet(Optional.empty(), Optional.empty());
        unsaid.settled = true;
        return unsaid;
    }

    /** A record of A only, as its compact JSON text in UTF-8. */
    void inA(byte[] text) {
        if (!settled) {
            met(kindsA, Set.of(onlyKindA.orElseGet(() -> ofText(text))));
        }
    }

    void inB(byte[] text) {
        if (!settled) {
            met(kindsB, Set.of(onlyKindB.orElseGet(() -> ofText(text))));
        }
    }

    /** A session whose records differ, both read already to compare them. */
    void changed(SessionRecord a, SessionRecord b) {
        if (!settled) {
            met(kindsA, Set.of(onlyKindA.orElseGet(() -> SessionKind.of(a))));
            met(kindsB, Set.of(onlyKindB.orElseGet(() -> SessionKind.of(b))));
        }
    }

    /** A record the same in both: its kind is on both sides. */
    void inBothAlike() {
        settled = true;
    }

    /** Every kind each store holds, told by the stores ({@link SessionStore#kindsHeld}), unless a kind was already met on both sides. */
    void heldBy(SessionStore a, SessionStore b) {
        if (!settled) {
            met(kindsA, a.kindsHeld().counts().keySet());
            met(kindsB, b.kindsHeld().counts().keySet());
        }
    }

    /** "A holds Minsky's sessions, B a chat server's: no session can be the same in both."; none when a kind is shared or a side holds none. */
    Optional<String> apart() {
        if (settled || kindsA.isEmpty() || kindsB.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("A holds " + whose(kindsA) + " sessions, B " + whose(kindsB) + ": no session can be the same in both.");
    }

    /** Two sessions compared field by field: "A is Minsky's session, B a chat server's: they cannot be the same session."; none for one tool's. */
    static Optional<String> apart(SessionRecord a, SessionRecord b) {
        SessionKind kindA = SessionKind.of(a);
        SessionKind kindB = SessionKind.of(b);
        return kindA == kindB ? Optional.empty()
                : Optional.of("A is " + whose(Set.of(kindA)) + " session, B " + whose(Set.of(kindB)) + ": they cannot be the same session.");
    }

    private void met(Set<SessionKind> kinds, Set<SessionKind> found) {
        kinds.addAll(found);
        settled = !Collections.disjoint(kindsA, kindsB);
    }

    /**
     * The kind by the record's top-level names, read by Jackson's parser with every value skipped unread. Text that is no JSON
     * gives the kind of the names read before the fault, as only a hint rests on it and the diff names that record as any other.
     */
    static SessionKind ofText(byte[] text) {
        Set<String> names = new HashSet<>();
        try (JsonParser parser = JsonCodec.MAPPER.getFactory().createParser(text)) {
            if (parser.nextToken() == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    names.add(parser.currentName());
                    parser.nextToken();
                    parser.skipChildren();
                }
            }
        } catch (IOException notJson) {
            // the names read before the fault tell what they can
        }
        return SessionKind.byFields(names::contains);
    }

    /** "Minsky's", "Minsky's and a chat server's". */
    private static String whose(Set<SessionKind> kinds) {
        String each = kinds.stream().map(kind -> kind.tool() + "'s").collect(Collectors.joining(", "));
        int last = each.lastIndexOf(", ");
        return last < 0 ? each : each.substring(0, last) + " and " + each.substring(last + 2);
    }
}
