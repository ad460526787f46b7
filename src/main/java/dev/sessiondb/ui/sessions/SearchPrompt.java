package dev.sessiondb.ui.sessions;

import dev.sessiondb.model.SessionKind;
import dev.sessiondb.model.SessionQuery;
import dev.sessiondb.model.SessionRecord;
import java.util.List;

/**
 * What the search field says it finds. Search reaches a session's name, task id, repository and branch
 * ({@link SessionQuery#SEARCHED}), and a chat server's or magellai's session also by its own fields ({@link SessionKind#searchedFields})
 * and its messages ({@link SessionKind#searchedMessages}): a store whose sessions are all of such a kind is promised its id and those,
 * a store of Minsky's or of several kinds the rest.
 *
 * @param text        the field's prompt
 * @param description its tooltip and accessible text
 */
record SearchPrompt(String text, String description) {

    static final SearchPrompt MINSKY = new SearchPrompt("Search session, task, repo, branch",
            "Search sessions by session name, task id, repository or branch (Ctrl+F; Esc clears it); "
                    + "with several words, each must be found in one of them");

    static final SearchPrompt CHAT = new SearchPrompt("Search id, tenant, user, messages",
            "Search sessions by their id, tenant, user or what their messages say (Ctrl+F; Esc clears it); "
                    + "with several words, each must be found in one of them");

    static final SearchPrompt MAGELLAI = new SearchPrompt("Search id, name, model, messages",
            "Search sessions by their id, name, model or what their messages say (Ctrl+F; Esc clears it); "
                    + "with several words, each must be found in one of them");

    /** By the sessions of a store's unsearched, unfiltered first page. */
    static SearchPrompt of(List<SessionRecord> firstPage) {
        return SessionKind.commonTo(firstPage).map(SearchPrompt::of).orElse(MINSKY);
    }

    private static SearchPrompt of(SessionKind kind) {
        return switch (kind) {
            case CHAT -> CHAT;
            case MAGELLAI -> MAGELLAI;
            case MINSKY, OTHER -> MINSKY;
        };
    }
}
