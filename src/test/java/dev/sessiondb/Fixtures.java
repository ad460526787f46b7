package dev.sessiondb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.model.SessionRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The real 217-record Minsky database, as shipped in test resources (a copy of shared/fixtures/minsky). */
public final class Fixtures {

    public static final String MINSKY_ARRAY = "/fixtures/minsky/session-db.json";
    public static final String MINSKY_BACKUP = "/fixtures/minsky/session-backup-2025-06-23T16-46-12-144Z.json";
    public static final int MINSKY_COUNT = 217;
    /**
     * Sessions holding half of a surrogate pair, as JSON escapes it ({@code "\\ud83d"}): "cut\\ud83d" in its name and
     * fields, "task#002" in fields only (what a SQL store can keep: its key column refuses the first), "task#003" none.
     */
    public static final String LONE_SURROGATES = "/fixtures/lone-surrogates/session-db.json";

    private Fixtures() {
    }

    /** The fixture's records, read with plain Jackson so that no backend under test reads its own input. */
    public static List<SessionRecord> minskyRecords() {
        try (InputStream in = Fixtures.class.getResourceAsStream(MINSKY_ARRAY)) {
            JsonNode array = new ObjectMapper().readTree(in);
            List<SessionRecord> records = new ArrayList<>();
            array.forEach(node -> records.add(SessionRecord.of((ObjectNode) node)));
            return records;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a fixture file into a directory, so tests can open (and try to damage) their own copy. */
    public static Path copy(String resource, Path directory) {
        Path target = directory.resolve(Path.of(resource).getFileName().toString());
        try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
            Files.copy(in, target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
