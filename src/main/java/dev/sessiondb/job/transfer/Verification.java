package dev.sessiondb.job.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.RecordCursor;
import dev.sessiondb.store.SessionStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks a target holds what was written: every expected record (less the fields its layout
 * cannot hold) under its key with the same canonical SHA-256, and, when the target should
 * hold exactly those records, nothing else. Holds one hash per target record, not records.
 *
 * @param changed key and the top-level fields that differ ("task#1: createdAt, pullRequest"); names only, never values
 */
public record Verification(long expected, long matched, List<String> missing, List<String> changed, long unexpected) {

    public boolean passed() {
        return missing.isEmpty() && changed.isEmpty() && unexpected == 0;
    }

    public static Verification check(RecordSource expected, SessionStore target, boolean exact, ProgressMonitor monitor) {
        monitor.message("verifying");
        Map<String, String> targetHashes = new HashMap<>();
        try (RecordCursor cursor = target.cursor()) {
            cursor.forEachRemaining(record -> targetHashes.put(record.key(), RecordHash.of(record)));
        }
        long total = expected.count();
        long done = 0;
        long matched = 0;
        List<String> missing = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        try (RecordCursor cursor = expected.open()) {
            while (cursor.hasNext()) {
                SessionRecord record = cursor.next();
                ObjectNode kept = target.asStored(record);
                String actual = targetHashes.remove(record.key());
                if (actual == null) {
                    missing.add(record.key());
                } else if (actual.equals(RecordHash.of(kept))) {
                    matched++;
                } else {
                    changed.add(record.key() + ": " + String.join(", ", differingFields(kept, target.get(record.key()).orElseThrow().fields())));
                }
                monitor.progress(++done, total);
            }
        }
        return new Verification(done, matched, missing, changed, exact ? targetHashes.size() : 0);
    }

    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode().put("expected", expected).put("matched", matched)
                .put("unexpected", unexpected).put("passed", passed());
        missing.forEach(json.putArray("missing")::add);
        changed.forEach(json.putArray("changed")::add);
        return json;
    }

    private static Set<String> differingFields(ObjectNode expected, ObjectNode actual) {
        Set<String> names = new TreeSet<>();
        expected.fieldNames().forEachRemaining(names::add);
        actual.fieldNames().forEachRemaining(names::add);
        names.removeIf(name -> sameValue(expected.get(name), actual.get(name)));
        return names;
    }

    private static boolean sameValue(JsonNode a, JsonNode b) {
        return a == null ? b == null : b != null && RecordHash.of(JsonNodeFactory.instance.objectNode().set("v", a))
                .equals(RecordHash.of(JsonNodeFactory.instance.objectNode().set("v", b)));
    }
}
