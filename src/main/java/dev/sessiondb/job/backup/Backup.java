package dev.sessiondb.job.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreProvider.SnapshotKind;
import dev.sessiondb.store.StoreProviders;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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

    private static final String UNDO_REASON = "undo ";

    /**
     * How the backup was taken, by the id its manifest keeps: the store provider's own snapshot
     * (its {@link SnapshotKind}, which the provider restores), or one of the journal's two.
     */
    public record Kind(String id) {
        /** Every record exported to a JSON array (a server store), restored in one transaction. */
        public static final Kind RECORDS = new Kind("records");
        /** There was no store; undo removes what the job created, and leaves the place it went into (a PostgreSQL schema), which was there. */
        public static final Kind ABSENT = new Kind("absent");
        /** There was no store, nor the place it goes into (a PostgreSQL schema): undo removes the store, then that place when nothing else is in it. */
        public static final Kind ABSENT_WITH_ITS_PLACE = new Kind("absent-with-place");
        /** There was an empty file (made for a store a job may write into, as {@code touch x.db}); undo puts the empty file back. */
        public static final Kind EMPTY_FILE = new Kind("empty-file");

        public static Kind of(SnapshotKind snapshot) {
            return new Kind(snapshot.id());
        }

        /** The provider's snapshot kind this backup holds (not for {@link #RECORDS} or {@link #ABSENT}). */
        public SnapshotKind snapshot() {
            return new SnapshotKind(id);
        }
    }

    /** Whether there was no store before the job: undo removes the store the job made. */
    public boolean storeWasAbsent() {
        return kind.equals(Kind.ABSENT) || kind.equals(Kind.ABSENT_WITH_ITS_PLACE);
    }

    /**
     * Whether undo puts back the store's schema too: a copy of its file or folder does; the
     * records of a server store are written back into its tables as they are now, so a schema
     * upgraded since stays upgraded.
     */
    public boolean holdsSchema() {
        return !kind.equals(Kind.RECORDS);
    }

    /**
     * What putting this backup back did to its store, as the CLI's undo and the window both say it: a store a job created is
     * removed, not "as it was", since there was none before.
     */
    public String whatRestoringDid() {
        if (storeWasAbsent()) {
            return String.format("Removed %s: it did not exist before the job that took backup %s created it.", locator, id);
        }
        if (kind.equals(Kind.EMPTY_FILE)) {
            return String.format("Restored %s as the empty file it was before the job that took backup %s wrote into it.", locator, id);
        }
        // to the millisecond, as history and undo --list show a job's time: the clock's nanoseconds tell a person nothing
        return String.format("Restored %s as it was at %s (backup %s, %,d records).", locator, createdAt.truncatedTo(ChronoUnit.MILLIS), id, records);
    }

    public Backup markedRestored(Instant when) {
        return new Backup(id, createdAt, reason, locator, format, kind, records, Optional.of(when));
    }

    /** This backup as no undo has put it back: an undo of the undo that did put its job back in the store. */
    public Backup markedNotRestored() {
        return new Backup(id, createdAt, reason, locator, format, kind, records, Optional.empty());
    }

    /** What undo calls the backup it takes of the state it replaces: the backup it puts back. */
    static String undoReason(String restoredId) {
        return UNDO_REASON + restoredId;
    }

    /** The backup the undo that took this one put back; empty for a backup any other run took. */
    public Optional<String> restoredByItsRun() {
        return RunIds.jobOf(RunIds.runIdOf(this)).equals("undo") && reason.startsWith(UNDO_REASON)
                ? Optional.of(reason.substring(UNDO_REASON.length())) : Optional.empty();
    }

    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode()
                .put("id", id).put("createdAt", createdAt.toString()).put("reason", reason).put("locator", locator)
                .put("format", format.scheme()).put("kind", kind.id()).put("records", records);
        restoredAt.ifPresent(when -> json.put("restoredAt", when.toString()));
        return json;
    }

    public static Backup fromJson(JsonNode json) {
        return new Backup(json.path("id").asText(), Instant.parse(json.path("createdAt").asText()),
                json.path("reason").asText(), json.path("locator").asText(),
                StoreProviders.format(json.path("format").asText()), new Kind(json.path("kind").asText().toLowerCase(Locale.ROOT)), json.path("records").asLong(),
                json.hasNonNull("restoredAt") ? Optional.of(Instant.parse(json.get("restoredAt").asText())) : Optional.empty());
    }
}
