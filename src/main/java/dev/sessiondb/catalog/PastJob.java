package dev.sessiondb.catalog;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One job of the history, as {@code sessiondb history} and the History view show it. Stores
 * are locators without passwords.
 *
 * @param outcome empty when the run saved no report (an edit in the app, or a run stopped after its backup)
 * @param undoneAt when undo put back the backup the run took, if it did
 */
public record PastJob(String runId, String kind, String description, List<String> sources, Optional<String> target,
                      Instant startedAt, Optional<Instant> finishedAt, Optional<String> outcome, Map<String, Long> counts,
                      Optional<String> reportPath, Optional<String> backupId, Optional<Instant> undoneAt) {

    public PastJob {
        sources = List.copyOf(sources);
        counts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(counts));
    }

    public boolean undone() {
        return undoneAt.isPresent();
    }

    /** Undo can put back what the run replaced: it took a backup, nobody restored it, and it is not itself an undo. */
    public boolean undoable() {
        return backupId.isPresent() && undoneAt.isEmpty() && !JobHistory.isUndo(kind);
    }

    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode()
                .put("runId", runId).put("job", kind).put("description", description).put("startedAt", startedAt.toString());
        sources.forEach(json.putArray("sources")::add);
        target.ifPresent(store -> json.put("target", store));
        finishedAt.ifPresent(when -> json.put("finishedAt", when.toString()));
        json.put("outcome", outcome.orElse(null));
        ObjectNode countsJson = json.putObject("counts");
        counts.forEach(countsJson::put);
        reportPath.ifPresent(path -> json.put("report", path));
        backupId.ifPresent(id -> json.put("backupId", id));
        json.put("undone", undone());
        undoneAt.ifPresent(when -> json.put("undoneAt", when.toString()));
        return json;
    }
}
