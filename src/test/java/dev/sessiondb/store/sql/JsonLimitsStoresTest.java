package dev.sessiondb.store.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessiondb.cli.CliRun;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.JsonLimits;
import dev.sessiondb.model.RecordDamage;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.WriteBatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Valid JSON reads whatever its size: a note over Jackson's default 20 MB string limit reads from a JSON file, a SQLite
 * and a PostgreSQL store. A value past one of {@link JsonLimits} (nesting deeper than 1000) is named with its file or
 * session, record and field and the limit, and never called damaged nor its row advised deleted.
 */
class JsonLimitsStoresTest {

    /** Past Jackson's default limit of 20,000,000 characters a string. */
    private static final int HUGE = 25_000_001;

    @TempDir
    Path dir;

    @Test
    void aJsonFileWithAValueOver20MbReads() throws IOException {
        Path file = dir.resolve("big.json");
        Files.writeString(file, "[{\"session\": \"big-1\", \"notes\": \"" + "n".repeat(HUGE) + "\"}, {\"session\": \"small-2\"}]");

        try (SessionStore store = StoreFactory.open(StoreLocator.of(StoreFormat.JSON, file), OpenMode.EXISTING)) {
            assertThat(store.get("big-1").orElseThrow().field("notes").orElseThrow().textValue()).hasSize(HUGE);
            assertThat(store.get("small-2")).isPresent();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aSqlStoreWithAValueOver20MbReadsAndIsNotDamaged(String format) {
        StoreLocator locator = format.equals("sqlite") ? StoreLocator.of(StoreFormat.SQLITE, dir.resolve("big.db")) : TestPostgres.get().freshSchema();
        SessionRecord big = SessionRecord.of(JsonCodec.MAPPER.createObjectNode().put("session", "big-1").put("notes", "n".repeat(HUGE)));
        try (SessionStore store = StoreFactory.open(locator, OpenMode.CREATE_IF_MISSING)) {
            store.write(WriteBatch.replaceAll(List.of(big).iterator(), 1), ProgressMonitor.NONE);
        }

        try (SessionStore store = StoreFactory.open(locator, OpenMode.EXISTING)) {
            SessionRecord read = store.markingUnreadable().get("big-1").orElseThrow();
            assertThat(read.damage()).isEmpty();
            assertThat(read.field("notes").orElseThrow().textValue()).hasSize(HUGE);
            assertThat(store.skippingUnreadable().unreadableParts()).isEmpty();
        }
    }

    @Test
    void aJsonFileNestedPastTheLimitNamesTheRecordFieldAndLimit() throws IOException {
        Path file = dir.resolve("deep.json");
        Files.writeString(file, "[{\"session\": \"ok-0\"},\n {\"session\": \"deep-1\", \"notes\": " + nested(JsonLimits.MAX_NESTING_DEPTH + 1) + "}]");

        assertThatThrownBy(() -> {
            try (SessionStore store = StoreFactory.open(StoreLocator.of(StoreFormat.JSON, file), OpenMode.EXISTING)) {
                store.get("deep-1");
            }
        }).isInstanceOf(StoreException.class)
                .hasMessageContaining(file + ": record 2 (line 2): field 'notes' is nested more than 1000 levels deep")
                .hasMessageContaining("the JSON is valid").hasMessageContaining("the file was not changed")
                .hasMessageNotContaining("not valid JSON").hasMessageNotContaining("fix it or restore");
    }

    @Test
    void aSqliteRecordNestedPastTheLimitIsNamedNotCalledDamaged() throws SQLException {
        Path db = dir.resolve("deep.db");
        StoreLocator locator = StoreLocator.of(StoreFormat.SQLITE, db);
        try (SessionStore store = StoreFactory.open(locator, OpenMode.CREATE_IF_MISSING)) {
            store.write(WriteBatch.replaceAll(SampleSessions.minsky(2, 3), 2), ProgressMonitor.NONE);
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
             PreparedStatement insert = connection.prepareStatement("INSERT INTO sessions (session_key, record) VALUES ('deep-1', ?)")) {
            insert.setString(1, "{\"session\": \"deep-1\", \"notes\": " + nested(JsonLimits.MAX_NESTING_DEPTH + 1) + "}");
            insert.executeUpdate();
        }

        try (SessionStore store = StoreFactory.open(locator, OpenMode.EXISTING)) {
            RecordDamage why = store.markingUnreadable().get("deep-1").orElseThrow().damage().orElseThrow();
            assertThat(why.what()).isEqualTo("session 'deep-1' cannot be read: its field 'notes' is nested more than 1000 levels deep,"
                    + " the most sessiondb reads (as SQLite's JSON functions)");
            assertThat(why.todo()).contains("the JSON is valid").doesNotContain("DELETE").doesNotContain("damaged");
            assertThat(store.skippingUnreadable().unreadableParts()).singleElement(InstanceOfAssertFactories.STRING)
                    .contains("'deep-1'").contains("field 'notes' is nested more than 1000 levels deep");
            assertThat(why.label()).isEqualTo(RecordDamage.PAST_A_LIMIT);
        }
        CliRun listed = CliRun.of("ls", "sqlite:" + db);
        assertThat(listed.out()).containsPattern("(?m)^deep-1 +record past a reading limit: run sessiondb validate --check store-damage$")
                .contains("3 sessions, 1 of them unreadable (record past a reading limit)").doesNotContain("damaged");
    }

    private static String nested(int depth) {
        return "[".repeat(depth) + "1" + "]".repeat(depth);
    }
}
