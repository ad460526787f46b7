package dev.sessiondb.ui.sessions;

import dev.sessiondb.model.SessionKind;
import dev.sessiondb.model.SessionQuery;
import dev.sessiondb.model.SessionRecord;
import java.util.List;

/**
 * What the search field says it finds. Search reaches a session's name, task id, repository and branch
 * ({@link SessionQuery#SEARCHED}); a chat server's or magellai's sessions have only the first of these, their id, so a store
 * whose sessions are all of such a kind is promised no more than that.
 *
 * @param text        the field's prompt
 * @param description its tooltip and accessible text
 */
record SearchPrompt(String text, String description) {

    static final SearchPrompt MINSKY = new SearchPrompt("Search session, task, repo, branch",
            "Search sessions by session name, task id, repository or branch (Ctrl+F; Esc clears it); "
                    + "with several words, each must be found in one of them");

    static final SearchPrompt SESSION_ID = new SearchPrompt("Search session id",
            "Search sessions by their id (Ctrl+F; Esc clears it); with several words, each must be found in it");

    /** By the sessions of a store's unsearched, unfiltered first page. */
    static SearchPrompt of(List<SessionRecord> firstPage) {
        return SessionKind.commonTo(firstPage).filter(kind -> !kind.listedByMinskysFields()).isPresent() ? SESSION_ID : MINSKY;
    }
}
