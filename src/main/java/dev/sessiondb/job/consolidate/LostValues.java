package dev.sessiondb.job.consolidate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.RecordHash;
import dev.sessiondb.model.SecretMasker;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the versions a consolidation drops hold that the kept version of their session does not: a dropped version loses a field
 * only where it has a value and the kept one has another or none, so a field the kept version alone has, or one another kept-aside
 * version differs in, is no loss. Keeps a digest per field of each version compared, never the records.
 */
final class LostValues {

    private final Map<String, Map<String, String>> kept = new HashMap<>();
    private final Map<String, List<Map<String, String>>> dropped = new HashMap<>();

    void kept(String key, ObjectNode version) {
        kept.put(key, digests(version));
    }

    void dropped(String key, ObjectNode version) {
        dropped.computeIfAbsent(key, any -> new ArrayList<>()).add(digests(version));
    }

    /** The dropped versions that lose a value, and the names (masked, never values) of the fields they lose, sorted; empty when none loses any. */
    Optional<Consolidation.DroppedVersions> lost() {
        long versions = 0;
        Set<String> fields = new TreeSet<>();
        for (Map.Entry<String, List<Map<String, String>>> each : dropped.entrySet()) {
            Map<String, String> keptFields = kept.getOrDefault(each.getKey(), Map.of());
            for (Map<String, String> version : each.getValue()) {
                List<String> lostHere = version.entrySet().stream().filter(field -> !field.getValue().equals(keptFields.get(field.getKey())))
                        .map(field -> SecretMasker.maskText("field", field.getKey())).toList();
                if (!lostHere.isEmpty()) {
                    versions++;
                    fields.addAll(lostHere);
                }
            }
        }
        return versions == 0 ? Optional.empty() : Optional.of(new Consolidation.DroppedVersions(versions, List.copyOf(fields)));
    }

    /** Each field holding a value, by the digest of its canonical text (which settles a number's kind); a null holds nothing to lose. */
    private static Map<String, String> digests(ObjectNode version) {
        Map<String, String> digests = new HashMap<>();
        version.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            if (!value.isNull()) {
                digests.put(field.getKey(), RecordHash.ofText(JsonCodec.canonical(value)));
            }
        });
        return digests;
    }
}
