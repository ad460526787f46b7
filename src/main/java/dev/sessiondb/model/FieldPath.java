package dev.sessiondb.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Any field of a record by its dotted path ({@code status}, {@code pullRequest.state}, a field no format defines), read as
 * text with secrets masked: objects and lists as compact JSON, masked under their own name so that a secret's name counts too.
 */
public record FieldPath(String path) {

    /** Read from the record's own fields, not a copy of them: a table reads it for each row shown, at every scroll. */
    public String text(SessionRecord record) {
        return record.readFields(this::text);
    }

    /**
     * The value as stored, secrets not masked, as search finds it: a number or boolean as its JSON text, as
     * {@link SessionRecord#text} gives; empty for none, null, an object or a list.
     */
    public Optional<String> storedText(SessionRecord record) {
        return Optional.ofNullable(scalarText(record.readFields(this::valueIn)));
    }

    /**
     * The {@code member} of each element of the list at this path, as stored and read as {@link #storedText} reads a value (a
     * message's content in a conversation); none for an element without such a text, or no list there.
     */
    public List<String> storedTextsIn(SessionRecord record, String member) {
        return record.readFields(fields -> {
            JsonNode list = valueIn(fields);
            List<String> texts = new ArrayList<>();
            if (list != null && list.isArray()) {
                for (JsonNode element : list) {
                    String text = scalarText(element.get(member));
                    if (text != null) {
                        texts.add(text);
                    }
                }
            }
            return texts;
        });
    }

    /**
     * The {@code member} of every element of the list at this path, read as {@link #storedTextsIn} reads it, one entry per element
     * in order (null where an element has no such text): where in a conversation a message stands.
     */
    public List<String> storedTextOfEach(SessionRecord record, String member) {
        return record.readFields(fields -> {
            JsonNode list = valueIn(fields);
            List<String> texts = new ArrayList<>();
            if (list != null && list.isArray()) {
                list.forEach(element -> texts.add(scalarText(element.get(member))));
            }
            return texts;
        });
    }

    /** A number or boolean as its JSON text; null for none, null, an object or a list. */
    private static String scalarText(JsonNode value) {
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }

    private JsonNode valueIn(ObjectNode fields) {
        JsonNode value = fields;
        for (String segment : path.split("\\.")) {
            value = value == null ? null : value.get(segment);
        }
        return value;
    }

    private String text(ObjectNode fields) {
        JsonNode value = valueIn(fields);
        if (value == null || value.isNull()) {
            return "";
        }
        String name = path.substring(path.lastIndexOf('.') + 1);
        if (value.isContainerNode()) {
            return JsonCodec.compact(SecretMasker.maskedValue(name, value));
        }
        return SecretMasker.maskText(name, value.asText());
    }

    /** The field paths of records: every top-level field, and the fields of nested objects one level down. */
    public static List<String> pathsOf(List<SessionRecord> records) {
        Set<String> paths = new TreeSet<>();
        for (SessionRecord record : records) {
            paths.addAll(record.readFields(FieldPath::pathsOf));
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
