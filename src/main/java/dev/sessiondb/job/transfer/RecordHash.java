package dev.sessiondb.job.transfer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.SessionRecord;
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

    private static String sha256(String canonical) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
