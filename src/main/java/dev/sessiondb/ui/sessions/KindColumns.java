package dev.sessiondb.ui.sessions;

import dev.sessiondb.model.SessionKind;
import dev.sessiondb.model.SessionRecord;
import java.util.List;
import java.util.stream.Stream;

/**
 * The columns a store's table starts with until the user chooses its own ({@link ColumnChoices}). Task, repo, branch and
 * status are Minsky's fields, empty in every row of a chat server's or magellai's sessions (and last activity in a chat
 * server's): a store whose first page holds sessions of one such kind alone starts with them hidden and the fields its
 * sessions are listed by shown ({@link SessionKind#listedFields}).
 */
final class KindColumns {

    private static final List<String> MINSKY_ONLY = Stream.of(SessionColumn.TASK, SessionColumn.REPO, SessionColumn.BRANCH, SessionColumn.STATUS)
            .map(SessionColumn::id).toList();

    private KindColumns() {
    }

    /** A chat server keeps no time of a session's last activity (magellai's {@code updated} is one): the column stays empty. */
    private static final List<String> NOT_KEPT_BY_THE_CHAT_SERVER = Stream.concat(MINSKY_ONLY.stream(), Stream.of(SessionColumn.LAST_ACTIVITY.id()))
            .toList();

    static ColumnChoices.Choice of(List<SessionRecord> firstPage) {
        SessionKind kind = SessionKind.commonTo(firstPage).orElse(SessionKind.MINSKY);
        if (kind.listedByMinskysFields()) {
            return ColumnChoices.Choice.DEFAULT;
        }
        return new ColumnChoices.Choice(kind == SessionKind.CHAT ? NOT_KEPT_BY_THE_CHAT_SERVER : MINSKY_ONLY, kind.listedFields());
    }

    /** The standard columns a filter is offered for: every one but those a store of such sessions starts without. */
    static List<SessionColumn> filterable(List<SessionRecord> firstPage) {
        List<String> empty = of(firstPage).hidden();
        return Stream.of(SessionColumn.values()).filter(column -> !empty.contains(column.id())).toList();
    }
}
