package dev.sessiondb.store;

import dev.sessiondb.model.CellEscapes;
import dev.sessiondb.model.SessionQuery;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.model.TaskId;
import dev.sessiondb.model.UnicodeForms;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One session a user names, on the command line or in the window: by its key, or by its task id in any form (#079,
 * 079, md#079). {@code show}, {@code export} and the two-session diff find the same session for the same words.
 */
public final class SessionLookup {

    private SessionLookup() {
    }

    /**
     * The session, or a message naming the store, what was asked and the sessions most like it. A
     * name is looked up as typed, then as the table shows it: {@code cut\ud83d} typed is the session
     * whose name holds half of a surrogate pair (which no terminal can type).
     */
    public static SessionRecord find(SessionStore store, String wanted) {
        // with the store: a bare 'sessiondb ls' lists the default store, not this one
        return find(store, wanted, "run 'sessiondb ls " + store.locator().display() + "' to see its sessions");
    }

    /** As {@link #find(SessionStore, String)}; {@code whereListed} says where the user sees the store's sessions, when none is like the one asked. */
    public static SessionRecord find(SessionStore store, String wanted, String whereListed) {
        String unescaped = CellEscapes.read(wanted);
        boolean escapes = !unescaped.equals(wanted);
        return store.get(wanted).or(() -> escapes ? store.get(unescaped) : Optional.empty()).or(() -> otherNormalisation(store, unescaped))
                .or(() -> byTaskId(store, wanted))
                .orElseThrow(() -> new StoreException(store.locator().display() + ": no session '" + wanted + "'"
                        + (escapes ? " (looked up as typed, and with each escape such as \\ud83d read as the character it stands for, as ls shows one)" : "")
                        + suggestion(store, unescaped, whereListed)));
    }

    /** A name typed in the other Unicode normalisation than the store keeps it (NFC or NFD, {@link UnicodeForms}). */
    private static Optional<SessionRecord> otherNormalisation(SessionStore store, String wanted) {
        return UnicodeForms.of(wanted).stream().skip(1).map(store::get).flatMap(Optional::stream).findFirst();
    }

    /** Real stores mix #079, 079 and md#079: a lookup that strips only '#' misses sessions that exist. */
    private static Optional<SessionRecord> byTaskId(SessionStore store, String wanted) {
        Optional<TaskId> task = TaskId.parse(wanted);
        if (task.isEmpty()) {
            return Optional.empty();
        }
        List<SessionRecord> matches = new ArrayList<>();
        try (RecordCursor cursor = store.cursor()) {
            cursor.forEachRemaining(record -> {
                if (task.get().isTaskOf(record)) {
                    matches.add(record);
                }
            });
        }
        if (matches.size() > 1) {
            throw new StoreException(store.locator().display() + ": task " + wanted + " has " + matches.size() + " sessions ("
                    + String.join(", ", matches.stream().map(SessionRecord::key).toList()) + "); name one of them");
        }
        return matches.stream().findFirst();
    }

    private static String suggestion(SessionStore store, String wanted, String whereListed) {
        String fragment = wanted.replaceAll("^(task|[a-z]{1,8})?#?0*", "");
        List<String> similar = store.pageRecords(SessionQuery.all().withSearch(fragment.isEmpty() ? wanted : fragment).page(0, 5)).stream().map(SessionRecord::key).toList();
        return similar.isEmpty() ? "; " + whereListed : "; similar: " + String.join(", ", similar);
    }
}
