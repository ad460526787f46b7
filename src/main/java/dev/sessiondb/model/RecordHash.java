package dev.sessiondb.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of a record's canonical JSON (keys sorted at every depth): equal content, equal hash, whatever the field order. */
public final class RecordHash {

    /** One digest per thread: looking one up costs more than hashing a short record. */
    private static final ThreadLocal<MessageDigest> DIGESTS = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    });

    private RecordHash() {
    }

    public static String of(SessionRecord record) {
        return sha256(record.canonical());
    }

    public static String of(ObjectNode fields) {
        return sha256(JsonCodec.canonical(fields));
    }

    /** SHA-256 of text exactly as a store keeps it: for stores whose every record is text this tool wrote. */
    public static String ofText(String text) {
        return sha256(text);
    }

    /** SHA-256 of the record's compact text in its own field order: what a store keeping each record's text as it was written holds. */
    public static String ofCompactText(SessionRecord record) {
        return sha256(record.compact());
    }

    /** As {@link #ofText}, from the text's UTF-8 bytes as the store hands them over (no decoding and encoding again). */
    public static String ofTextBytes(byte[] utf8) {
        return HexFormat.of().formatHex(DIGESTS.get().digest(utf8));
    }

    private static String sha256(String canonical) {
        return ofTextBytes(canonical.getBytes(StandardCharsets.UTF_8));
    }
}
