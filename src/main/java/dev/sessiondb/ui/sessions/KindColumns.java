package dev.sessiondb.ui.sessions;

import dev.sessiondb.model.SessionKind;
import dev.sessiondb.model.SessionRecord;
import java.util.List;
import java.util.stream.Stream;

/**
 * The columns a store's table starts with until the user chooses its own ({@link ColumnChoices}). Task, repo, branch and
 * status are Minsky's fields, empty in every row of a chat server's or magellai's sessions: a store whose first page holds
 * sessions of one such kind alone starts with them hidden and the fields its sessions are listed by shown
 * ({@link SessionKind#listedFields}).
 */
final class KindColumns {

    private static final List<String> MINSKY_ONLY = Stream.of(SessionColumn.TASK, SessionColumn.REPO, SessionColumn.BRANCH, SessionColumn.STATUS)
            .map(SessionColumn::id).toList();

    private KindColumns() {
    }

    static ColumnChoices.Choice of(List<SessionRecord> firstPage) {
        List<String> listed = SessionKind.commonTo(firstPage).orElse(SessionKind.MINSKY).listedFields();
        return listed.equals(SessionKind.MINSKY.listedFields()) ? ColumnChoices.Choice.DEFAULT : new ColumnChoices.Choice(MINSKY_ONLY, listed);
    }

    /** The standard columns a filter is offered for: every one but those a store of such sessions starts without. */
    static List<SessionColumn> filterable(List<SessionRecord> firstPage) {
        List<String> minskysOwn = of(firstPage).hidden();
        return Stream.of(SessionColumn.values()).filter(column -> !minskysOwn.contains(column.id())).toList();
    }
}
