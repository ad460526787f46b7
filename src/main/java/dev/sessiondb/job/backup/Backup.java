package dev.sessiondb.job.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.store.StoreFormat;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * One entry of the backup journal: a store as it was before a job wrote to it.
 *
 * @param id         sortable by time, names the backup's folder
 * @param reason     what was about to write ("migrate json:a.json -> sqlite:b.db")
 * @param locator    the store, parseable, never with a password (PostgreSQL then takes it from PGPASSWORD or ~/.pgpass)
 * @param kind       how the backup was taken, hence how it is restored
 * @param records    how many records the store held
 * @param restoredAt when undo put this backup back, if it did
 */
public record Backup(String id, Instant createdAt, String reason, String locator, StoreFormat format, Kind kind,
                     long records, Optional<Instant> restoredAt) {

    public enum Kind {
        /** The store's file, copied as it was (JSON). */
        FILE,
        /** The store's directory, copied file by file (jsondir). */
        DIRECTORY,
        /** A consistent SQLite copy made by SQLite itself, never a raw copy of a live WAL file. */
        SQLITE,
        /** Every record exported to a JSON array (PostgreSQL), restored in one transaction. */
        RECORDS,
        /** There was no store; undo removes what the job created. */
        ABSENT
    }

    /**
     * Whether undo puts back the store's schema too: a copy of its file or folder does; the
     * records of a server store are written back into its tables as they are now, so a schema
     * upgraded since stays upgraded.
     */
    public boolean holdsSchema() {
        return kind != Kind.RECORDS;
    }

    public Backup markedRestored(Instant when) {
        return new Backup(id, createdAt, reason, locator, format, kind, records, Optional.of(when));
    }

    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode()
                .put("id", id).put("createdAt", createdAt.toString()).put("reason", reason).put("locator", locator)
                .put("format", format.scheme()).put("kind", kind.name().toLowerCase(Locale.ROOT)).put("records", records);
        restoredAt.ifPresent(when -> json.put("restoredAt", when.toString()));
        return json;
    }

    public static Backup fromJson(JsonNode json) {
        return new Backup(json.path("id").asText(), Instant.parse(json.path("createdAt").asText()),
                json.path("reason").asText(), json.path("locator").asText(),
                StoreFormat.valueOf(json.path("format").asText().toUpperCase(Locale.ROOT)),
                Kind.valueOf(json.path("kind").asText().toUpperCase(Locale.ROOT)), json.path("records").asLong(),
                json.hasNonNull("restoredAt") ? Optional.of(Instant.parse(json.get("restoredAt").asText())) : Optional.empty());
    }
}
