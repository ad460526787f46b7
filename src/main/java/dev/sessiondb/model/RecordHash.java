package dev.sessiondb.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of a record's canonical JSON (keys sorted at every depth): equal content, equal hash, whatever the field order. */
public final class RecordHash {

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

    private static String sha256(String canonical) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
