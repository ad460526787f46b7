package dev.sessiondb.store.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The structure of a Minsky JSON file around its array of sessions, kept so that a write
 * gives back the shape it read: a bare array, {@code {"sessions": [...], ...}}, or the
 * backup wrapper {@code {"timestamp", "version", "data": {"sessions": [...], ...}}}, with
 * every other field in its place and the final newline when there was one.
 *
 * @param levels          the objects around the array, outermost first; none for a bare array
 * @param trailingNewline whether the file ends with a newline
 */
record JsonShape(List<Level> levels, boolean trailingNewline) {

    static final String SESSIONS = "sessions";
    static final String BACKUP_DATA = "data";

    /**
     * One object around the array.
     *
     * @param before the fields before the inner field, in order
     * @param inner  the field holding the next level ({@code data}) or the array ({@code sessions})
     * @param after  the fields after the inner field, in order
     */
    record Level(ObjectNode before, String inner, ObjectNode after) {
    }

    JsonShape {
        levels = List.copyOf(levels);
    }

    /** The shape of a new file: a bare array, as Minsky writes it. */
    static JsonShape bareArray() {
        return new JsonShape(List.of(), false);
    }

    /** For {@code sessiondb info}: "bare array", "sessions object" or "backup wrapper 1.0". */
    String describe() {
        if (levels.isEmpty()) {
            return "bare array";
        }
        if (levels.size() == 1) {
            return "sessions object";
        }
        Level outer = levels.get(0);
        JsonNode version = outer.before().has("version") ? outer.before().get("version") : outer.after().get("version");
        return version == null || version.isContainerNode() ? "backup wrapper" : "backup wrapper " + version.asText();
    }
}
