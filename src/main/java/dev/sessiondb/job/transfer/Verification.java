package dev.sessiondb.job.transfer;

import dev.sessiondb.model.JsonCodec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.model.RecordHash;
import dev.sessiondb.model.SecretMasker;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.ReadAhead;
import dev.sessiondb.store.HashCursor;
import dev.sessiondb.store.RecordCursor;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoredHash;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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

    /** The phase of a verification of a target in place: a failure then leaves it written but unchecked. */
    public static final String IN_PLACE = "verifying";
    /** The phase of a verification of a new store not yet in place: a failure then leaves nothing at the target. */
    public static final String BEFORE_PLACING = "verifying the new store";

    public boolean passed() {
        return missing.isEmpty() && changed.isEmpty() && unexpected == 0;
    }

    /** Reads the source and then the target: for a target this run did not write. */
    public static Verification check(RecordSource expected, SessionStore target, boolean exact, ProgressMonitor monitor) {
        return check(ExpectedHashes.of(expected, target, monitor), expected, target, exact, IN_PLACE, monitor);
    }

    /**
     * Reads the target once against the hashes taken while writing; the source is read again
     * only to name the fields of records that differ. Stops when the monitor asks, at any record.
     */
    static Verification check(ExpectedHashes hashes, RecordSource expected, SessionStore target, boolean exact, String phase,
                              ProgressMonitor monitor) {
        monitor.message(phase);
        long total = hashes.size();
        long done = 0;
        long matched = 0;
        long unexpected = 0;
        Set<String> differing = new HashSet<>();
        try (HashCursor cursor = ReadAhead.hashes(target.hashesInAnyOrder())) {
            while (cursor.hasNext()) {
                StoredHash stored = cursor.next();
                monitor.checkCancelled();
                switch (hashes.take(stored.key(), stored.hash())) {
                    case UNEXPECTED -> {
                        unexpected++;
                        continue;
                    }
                    case MATCHED -> matched++;
                    case DIFFERENT -> differing.add(stored.key());
                }
                monitor.progress(++done, total);
            }
        }
        List<String> missing = hashes.untaken().stream().map(key -> SecretMasker.maskText("session", key)).toList();
        List<String> changed = differences(differing, expected, target, monitor);
        return new Verification(total, matched + differing.size() - changed.size(), missing, changed, exact ? unexpected : 0);
    }

    /**
     * "key: field, field" for each differing record, in source order. A record kept as text
     * another program wrote can hash differently with every field equal: it is not listed. Few
     * such records in a store that looks up by key are each looked up; more, or a store whose
     * lookup reads it whole (a JSON file without its key index), are first sifted by their
     * content in one more read of each side, which a lookup each made quadratic.
     */
    private static List<String> differences(Set<String> differing, RecordSource expected, SessionStore target, ProgressMonitor monitor) {
        List<String> changed = new ArrayList<>();
        if (differing.isEmpty()) {
            return changed;
        }
        Map<String, ObjectNode> storedFields = new HashMap<>();
        Set<String> different = ExpectedHashes.looksUpEach(differing.size(), target) ? differing
                : differentByContent(differing, expected, target, storedFields, monitor);
        try (RecordCursor cursor = expected.open()) {
            while (cursor.hasNext()) {
                SessionRecord record = cursor.next();
                monitor.checkCancelled();
                if (!different.contains(record.key())) {
                    continue;
                }
                ObjectNode stored = storedFields.containsKey(record.key()) ? storedFields.get(record.key())
                        : target.looksUpByKey() ? target.get(record.key()).orElseThrow().fields() : null;
                if (stored == null) {
                    changed.add(SecretMasker.maskText("session", record.key()) + ": content"); // past the records whose fields were kept to name
                    continue;
                }
                Set<String> fields = differingFields(ExpectedHashes.fieldsAsWritten(record, target), stored);
                if (!fields.isEmpty()) {
                    changed.add(SecretMasker.maskText("session", record.key()) + ": " + String.join(", ", fields));
                }
            }
        }
        return changed;
    }

    /** The keys whose records differ by their canonical hashes; the first such records' stored fields are kept to name what differs. */
    private static Set<String> differentByContent(Set<String> differing, RecordSource expected, SessionStore target,
                                                  Map<String, ObjectNode> storedFields, ProgressMonitor monitor) {
        ExpectedHashes canonical = new ExpectedHashes();
        try (RecordCursor cursor = expected.open()) {
            cursor.forEachRemaining(record -> {
                monitor.checkCancelled();
                if (differing.contains(record.key())) {
                    canonical.expect(record.key(), RecordHash.of(ExpectedHashes.fieldsAsWritten(record, target)));
                }
            });
        }
        Set<String> different = new HashSet<>();
        canonical.takeByContent(target, monitor, (stored, found) -> {
            if (found == ExpectedHashes.Found.DIFFERENT) {
                different.add(stored.key());
                if (storedFields.size() < ExpectedHashes.LOOKUPS) {
                    storedFields.put(stored.key(), stored.fields());
                }
            }
        });
        return different;
    }

    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode().put("expected", expected).put("matched", matched)
                .put("unexpected", unexpected).put("passed", passed());
        missing.forEach(json.putArray("missing")::add);
        changed.forEach(json.putArray("changed")::add);
        return json;
    }

    /** The top-level fields whose values differ, by name. */
    public static Set<String> differingFields(ObjectNode expected, ObjectNode actual) {
        Set<String> names = new TreeSet<>();
        expected.fieldNames().forEachRemaining(names::add);
        actual.fieldNames().forEachRemaining(names::add);
        names.removeIf(name -> sameValue(expected.get(name), actual.get(name)));
        return names;
    }

    /** Equal trees are equal at once; others by their canonical text, which settles a number's kind (an int and a long of one value). */
    private static boolean sameValue(JsonNode a, JsonNode b) {
        return a == null ? b == null : b != null && (a.equals(b) || JsonCodec.canonical(a).equals(JsonCodec.canonical(b)));
    }
}
