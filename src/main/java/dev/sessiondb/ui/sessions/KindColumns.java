package dev.sessiondb.ui.sessions;

import dev.sessiondb.model.SessionKind;
import dev.sessiondb.model.SessionRecord;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The columns a store's table starts with until the user chooses its own ({@link ColumnChoices}). Task, repo, branch and
 * status are Minsky's fields, empty in every row of a chat server's or magellai's sessions: a store whose first page holds
 * sessions of one such kind alone starts with them hidden and the fields its sessions do have shown.
 */
final class KindColumns {

    private static final List<String> MINSKY_ONLY = Stream.of(SessionColumn.TASK, SessionColumn.REPO, SessionColumn.BRANCH, SessionColumn.STATUS)
            .map(SessionColumn::id).toList();

    private KindColumns() {
    }

    static ColumnChoices.Choice of(List<SessionRecord> firstPage) {
        Set<SessionKind> kinds = firstPage.stream().map(SessionKind::of).collect(Collectors.toSet());
        if (kinds.size() != 1) {
            return ColumnChoices.Choice.DEFAULT;
        }
        return switch (kinds.iterator().next()) {
            case CHAT -> new ColumnChoices.Choice(MINSKY_ONLY, List.of("tenantId", "userId"));
            case MAGELLAI -> new ColumnChoices.Choice(MINSKY_ONLY, List.of("name", "conversation.model"));
            case MINSKY, OTHER -> ColumnChoices.Choice.DEFAULT;
        };
    }
}
