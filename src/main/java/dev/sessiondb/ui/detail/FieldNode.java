package dev.sessiondb.ui.detail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessiondb.model.SessionKind;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of the detail tree: a field (or array item) with its shown value and, for nested
 * objects and arrays, its children. Built from fields already masked by SecretMasker.
 *
 * @param unknown true for a top-level field the session's tool does not define (kept and shown all the same)
 */
public record FieldNode(String name, String value, boolean unknown, List<FieldNode> children) {

    public FieldNode {
        children = List.copyOf(children);
    }

    /** The masked fields of a {@code kind} session as a forest; nested objects and arrays become subtrees. */
    public static List<FieldNode> of(JsonNode maskedFields, SessionKind kind) {
        List<FieldNode> nodes = new ArrayList<>();
        maskedFields.fields().forEachRemaining(field -> nodes.add(node(field.getKey(), field.getValue(), !kind.defines(field.getKey()))));
        return nodes;
    }

    private static FieldNode node(String name, JsonNode value, boolean unknown) {
        List<FieldNode> children = new ArrayList<>();
        if (value.isObject()) {
            value.fields().forEachRemaining(child -> children.add(node(child.getKey(), child.getValue(), false)));
            return new FieldNode(name, value.size() + (value.size() == 1 ? " field" : " fields"), unknown, children);
        }
        if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                children.add(node("[" + i + "]", value.get(i), false));
            }
            return new FieldNode(name, value.size() + (value.size() == 1 ? " item" : " items"), unknown, children);
        }
        String text = value.isNull() ? "null" : value.asText();
        return new FieldNode(name, text, unknown, children);
    }
}
