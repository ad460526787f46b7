package dev.sessiondb.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** A session present in both stores whose content differs, field by field. */
public record SessionChange(String session, List<FieldChange> fields) {

    /** What a field change costs beyond its characters, counted as characters (its objects). */
    private static final int FIELD_OVERHEAD_CHARS = 64;

    public SessionChange {
        fields = List.copyOf(fields);
    }

    /** The same change with secrets masked (a loop, not a stream: run for each change, it is less for the JIT to compile). */
    public SessionChange masked() {
        List<FieldChange> masked = new ArrayList<>(fields.size());
        for (FieldChange field : fields) {
            masked.add(field.masked());
        }
        return new SessionChange(session, masked);
    }

    /** About how many characters this change holds in memory: its paths and values, and some for each field and value. */
    public long heldChars() {
        long chars = session.length();
        for (FieldChange field : fields) {
            chars += FIELD_OVERHEAD_CHARS + field.path().length() + charsOf(field.a()) + charsOf(field.b());
        }
        return chars;
    }

    private static long charsOf(JsonNode value) {
        if (value == null) {
            return 0;
        }
        if (value.isTextual()) {
            return value.textValue().length();
        }
        long chars = 8;
        for (JsonNode child : value) {
            chars += charsOf(child);
        }
        return chars;
    }
}
