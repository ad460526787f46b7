package dev.sessiondb.ui.sessions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.SecretMasker;
import dev.sessiondb.model.SessionRecord;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A column the user added for any field of the records, by its dotted path ({@code status},
 * {@code pullRequest.state}, a field no format defines). Shown as text, secrets masked; objects
 * and lists as compact JSON. The store cannot sort by such a field, so the column does not sort.
 */
public record FieldColumn(String path) {

    /** The path as shown: a token kept as a name ({@code cache.ghp_...}) is masked. */
    public String header() {
        return SecretMasker.maskText(null, path);
    }

    /** Read from the record's own fields, not a copy of them: a cell is made for each row shown, at every scroll. */
    public String text(SessionRecord record) {
        return record.readFields(this::text);
    }

    private String text(ObjectNode fields) {
        JsonNode value = fields;
        String name = null;
        for (String segment : path.split("\\.")) {
            value = value == null ? null : value.get(segment);
            name = segment;
        }
        if (value == null || value.isNull()) {
            return "";
        }
        if (value.isContainerNode()) { // masked under its own name, so a secret's name counts too
            return JsonCodec.compact(SecretMasker.maskedValue(name, value));
        }
        return SecretMasker.maskText(name, value.asText());
    }

    /** The field paths of records: every top-level field, and the fields of nested objects one level down. */
    public static List<String> pathsOf(List<SessionRecord> records) {
        Set<String> paths = new TreeSet<>();
        for (SessionRecord record : records) {
            paths.addAll(record.readFields(FieldColumn::pathsOf));
        }
        return new ArrayList<>(paths);
    }

    private static List<String> pathsOf(ObjectNode fields) {
        List<String> paths = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> entries = fields.fields(); entries.hasNext(); ) {
            Map.Entry<String, JsonNode> field = entries.next();
            paths.add(field.getKey());
            if (field.getValue().isObject()) {
                field.getValue().fieldNames().forEachRemaining(nested -> paths.add(field.getKey() + "." + nested));
            }
        }
        return paths;
    }
}
