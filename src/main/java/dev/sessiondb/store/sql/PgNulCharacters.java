package dev.sessiondb.store.sql;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessiondb.model.SessionRecord;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The character PostgreSQL refuses: its text and jsonb cannot hold U+0000 (NUL), so a value with one fails the whole
 * write with "invalid byte sequence for encoding UTF8: 0x00", naming no record. A plan refuses such a record instead,
 * naming it and the field. JSON files and SQLite keep the character (JSON writes it as {@code \u0000}).
 */
final class PgNulCharacters {

    private static final char NUL = '\u0000';

    private PgNulCharacters() {
    }

    /** One line per top-level field holding a NUL in its name or anywhere in its value; asked of every record a plan or a write passes. */
    static List<String> refusals(SessionRecord record) {
        // the record's own values, read in place: a copy per record would cost this check more than its look
        return record.readFields(fields -> {
            List<String> refusals = List.of();
            for (Iterator<Map.Entry<String, JsonNode>> named = fields.fields(); named.hasNext(); ) {
                Map.Entry<String, JsonNode> field = named.next();
                if (holdsNul(field.getKey()) || holdsNul(field.getValue())) {
                    if (refusals.isEmpty()) {
                        refusals = new ArrayList<>();
                    }
                    refusals.add(refusal(field.getKey()));
                }
            }
            return refusals;
        });
    }

    private static boolean holdsNul(JsonNode value) {
        if (value.isTextual()) {
            return holdsNul(value.textValue());
        }
        if (value.isArray()) {
            for (JsonNode element : value) {
                if (holdsNul(element)) {
                    return true;
                }
            }
        } else if (value.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> named = value.fields(); named.hasNext(); ) {
                Map.Entry<String, JsonNode> field = named.next();
                if (holdsNul(field.getKey()) || holdsNul(field.getValue())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean holdsNul(String text) {
        return text.indexOf(NUL) >= 0;
    }

    private static String refusal(String field) {
        return "'" + field.replace(NUL, '?') + "' holds the character U+0000 (NUL, written \\u0000 in JSON), which PostgreSQL's text and jsonb"
                + " cannot store; remove it from that value in the source";
    }
}
