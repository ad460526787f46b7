package dev.sessiondb.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * One change a repair makes to a record: set a field (kept in place when it exists,
 * appended otherwise) or remove it.
 *
 * @param path  a field name, or a dotted path into nested objects ({@code github.token})
 * @param value the new value, or null to remove the field
 */
public record FieldEdit(String path, JsonNode value) {

    public static FieldEdit set(String path, String value) {
        return new FieldEdit(path, TextNode.valueOf(value));
    }

    public static FieldEdit remove(String path) {
        return new FieldEdit(path, null);
    }

    /** Applies the edit to {@code fields} in place; a missing parent object is created for a set and ignored for a remove. */
    public void applyTo(ObjectNode fields) {
        String[] names = path.split("\\.");
        ObjectNode parent = fields;
        for (int i = 0; i < names.length - 1; i++) {
            JsonNode child = parent.get(names[i]);
            if (!(child instanceof ObjectNode object)) {
                if (value == null) {
                    return;
                }
                parent = parent.putObject(names[i]);
                continue;
            }
            parent = object;
        }
        String last = names[names.length - 1];
        if (value == null) {
            parent.remove(last);
        } else {
            parent.set(last, value.deepCopy());
        }
    }
}
