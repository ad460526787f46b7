package dev.sessiondb.diff;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessiondb.model.SessionRecord;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Field-level differences between two records, down nested objects (dotted paths) and
 * arrays (by index). Numbers compare by value, so {@code 1} and {@code 1.0} read from two
 * formats are the same; everything else compares exactly.
 */
public final class RecordDiff {

    private final Set<String> ignoredPaths;

    /** @param ignoredPaths paths left out of the comparison, with everything below them ({@code github} covers {@code github.token}) */
    public RecordDiff(Set<String> ignoredPaths) {
        this.ignoredPaths = Set.copyOf(ignoredPaths);
    }

    public static RecordDiff exact() {
        return new RecordDiff(Set.of());
    }

    public List<FieldChange> compare(SessionRecord a, SessionRecord b) {
        return a.readFields(fieldsA -> b.readFields(fieldsB -> compare(fieldsA, fieldsB)));
    }

    /** The changes, in the first value's field order then the second's new fields. */
    public List<FieldChange> compare(JsonNode a, JsonNode b) {
        List<FieldChange> changes = new ArrayList<>();
        compare("", a, b, changes);
        return changes;
    }

    private void compare(String path, JsonNode a, JsonNode b, List<FieldChange> changes) {
        if (isIgnored(path) || sameValue(a, b)) {
            return;
        }
        if (a != null && b != null && a.isObject() && b.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                compare(path.isEmpty() ? name : path + "." + name, a.get(name), b.get(name), changes);
            }
        } else if (a != null && b != null && a.isArray() && b.isArray()) {
            for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
                compare(path + "[" + i + "]", a.get(i), b.get(i), changes);
            }
        } else {
            changes.add(new FieldChange(path, a == null ? null : a.deepCopy(), b == null ? null : b.deepCopy()));
        }
    }

    private boolean isIgnored(String path) {
        if (path.isEmpty()) {
            return false;
        }
        for (String ignored : ignoredPaths) {
            if (path.equals(ignored) || path.startsWith(ignored + ".") || path.startsWith(ignored + "[")) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameValue(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isContainerNode() && b.isContainerNode() && a.getNodeType() == b.getNodeType() && a.size() == b.size()) {
            return sameContainer(a, b);
        }
        return a.equals(b);
    }

    private static boolean sameContainer(JsonNode a, JsonNode b) {
        if (a.isArray()) {
            for (int i = 0; i < a.size(); i++) {
                if (!sameValue(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        Iterator<String> names = a.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!sameValue(a.get(name), b.get(name))) {
                return false;
            }
        }
        return true;
    }
}
