package dev.sessiondb.store;

import dev.sessiondb.model.SessionRecord;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * One record's key and its compact text in UTF-8 ({@link SessionRecord#compact()}, or the text a
 * store keeps of a record this tool wrote), with the record itself on demand: what a diff compares.
 * The same text is the same record; other text may still be the same record (its fields in
 * another order, a number written another way), which only a comparison of the fields tells.
 *
 * @param record the record, parsed from the text only when asked for
 */
public record KeyedText(String key, byte[] text, Supplier<SessionRecord> record) {

    /** A record already read: its compact text. */
    public static KeyedText of(SessionRecord record) {
        return new KeyedText(record.key(), record.compact().getBytes(StandardCharsets.UTF_8), () -> record);
    }

    /** Whether both texts are the same bytes. */
    public boolean sameText(KeyedText other) {
        return Arrays.equals(text, other.text);
    }
}
