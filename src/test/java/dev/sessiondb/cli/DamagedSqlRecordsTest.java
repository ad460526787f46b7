package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.sql.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A native SQLite store with one row whose record text is no longer JSON (the audit's recovered.db):
 * validate names it as a store-damage finding and checks the rest, ls lists it marked among the others
 * and names it on stderr (exit 1), a job refuses naming it with the row to delete, and migrate
 * --skip-unreadable copies the rest, names what it left out and verifies clean; the store is never
 * changed. The same for PostgreSQL.
 */
class DamagedSqlRecordsTest {

    private static final String DAMAGED = "{\"session\": \"b\", ";

    @TempDir
    Path dir;

    private Path db;
    private String journal;

    @BeforeEach
    void storeWithOneDamagedRecord() throws IOException, SQLException {
        journal = dir.resolve("journal").toString();
        db = dir.resolve("recovered.db");
        CliRun made = CliRun.of("migrate", "json:" + threeSessions(), "sqlite:" + db, "--backup-dir", journal);
        assertThat(made.exitCode()).as(made.err()).isZero();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db); Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE sessions SET record = '" + DAMAGED + "' WHERE session_key = 'b'");
        }
    }

    /** a, b and c; c's date does not read, so that validate has a finding in a record it checks. */
    private Path threeSessions() throws IOException {
        return Files.writeString(dir.resolve("three.json"), "[{\"session\": \"a\", \"repoName\": \"r\"},"
                + " {\"session\": \"b\", \"repoName\": \"r\"}, {\"session\": \"c\", \"repoName\": \"r\", \"createdAt\": \"not a date\"}]");
    }

    private Map<String, String> rows() throws SQLException {
        Map<String, String> rows = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db); Statement statement = connection.createStatement();
             ResultSet read = statement.executeQuery("SELECT session_key, record FROM sessions")) {
            while (read.next()) {
                rows.put(read.getString(1), read.getString(2));
            }
        }
        return rows;
    }

    /** The kinds are told in SQL, which a text that is no JSON stops: they are then told from the records that read. */
    @Test
    void infoSaysWhoseTheSessionsThatReadAre() throws SQLException {
        Map<String, String> before = rows();

        CliRun run = CliRun.of("info", "sqlite:" + db);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Sessions:       3\nSessions of:    Minsky\n");
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void validateNamesTheDamagedRecordAsStoreDamageAndChecksTheRest() throws IOException, SQLException {
        Map<String, String> before = rows();

        CliRun run = CliRun.of("validate", "sqlite:" + db, "--check", "store-damage", "--check", "invalid-date", "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        List<String> damage = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        for (JsonNode finding : JsonCodec.parse(run.out()).path("findings")) {
            if (finding.path("check").asText().equals("store-damage")) {
                damage.add(finding.path("message").asText());
                assertThat(finding.path("session").asText()).isEqualTo("b");
                assertThat(finding.path("fix").asText()).contains("DELETE FROM sessions WHERE session_key = 'b'", "sessiondb migrate --skip-unreadable");
            } else {
                checked.add(finding.path("check").asText());
            }
        }
        assertThat(damage).singleElement().asString().startsWith("session 'b' holds a damaged record (").doesNotContain(DAMAGED);
        assertThat(checked).contains("invalid-date");
        assertThat(rows()).isEqualTo(before);
    }

    /** A validation of every check names the damaged record as its pass meets it (no second read) and checks the rest. */
    @Test
    void aValidationOfEveryCheckNamesTheDamagedRecordAndChecksTheRest() throws IOException, SQLException {
        Map<String, String> before = rows();

        CliRun run = CliRun.of("validate", "sqlite:" + db, "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertDamageFoundBesideTheDateOfC(JsonCodec.parse(run.out()));
        assertThat(run.out() + run.err()).doesNotContain(DAMAGED);
        assertThat(rows()).isEqualTo(before);
    }

    private static void assertDamageFoundBesideTheDateOfC(JsonNode report) {
        List<String> found = new ArrayList<>();
        for (JsonNode finding : report.path("findings")) {
            found.add(finding.path("check").asText() + " " + finding.path("severity").asText() + " " + finding.path("session").asText());
            if (finding.path("check").asText().equals("store-damage")) {
                assertThat(finding.path("message").asText()).startsWith("session 'b' holds a damaged record (");
                assertThat(finding.path("fix").asText()).contains("DELETE FROM sessions WHERE session_key = 'b'", "sessiondb migrate --skip-unreadable");
            }
        }
        assertThat(found).contains("store-damage error b", "invalid-date error c").filteredOn(line -> line.startsWith("store-damage")).hasSize(1);
    }

    /** Checks named without store-damage read every record as a job does: the damaged one stops them, saying how to list them all. */
    @Test
    void aValidationOfNamedChecksWithoutStoreDamageStopsAtADamagedRecordSayingHowToListThemAll() {
        CliRun run = CliRun.of("validate", "sqlite:" + db, "--check", "invalid-date");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("session 'b' holds a damaged record", "sessiondb validate --check store-damage lists every damaged record");
    }

    /** Repair writes only the fixes of records that read: it refuses while one is damaged, and the store stays as it was. */
    @Test
    void repairRefusesAndWritesNothingWhileARecordIsDamaged() throws SQLException {
        Map<String, String> before = rows();

        CliRun run = CliRun.of("repair", "sqlite:" + db, "--backup-dir", journal);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("session 'b' holds a damaged record");
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void lsListsEveryRowMarkingTheDamagedOneAndNamesItOnStderr() {
        for (List<String> listing : List.<List<String>>of(List.of(), List.of("--limit", "10"), List.of("--sort", "repoName"), List.of("--search", "b", "--limit", "5"))) {
            List<String> args = new ArrayList<>(List.of("ls", "sqlite:" + db));
            args.addAll(listing);

            CliRun run = CliRun.of(args.toArray(String[]::new));

            assertThat(run.exitCode()).as(listing + ": " + run.err()).isEqualTo(1);
            assertThat(run.out()).as(listing.toString()).containsPattern("(?m)^b +damaged record: run sessiondb validate --check store-damage$")
                    .doesNotContain(DAMAGED);
            assertThat(run.err()).as(listing.toString()).contains("sqlite:" + db + ": session 'b' holds a damaged record (",
                    "DELETE FROM sessions WHERE session_key = 'b'").doesNotContain(DAMAGED);
        }
        CliRun all = CliRun.of("ls", "sqlite:" + db);
        assertThat(all.out()).containsPattern("(?m)^a ").containsPattern("(?m)^c ").contains("3 sessions, 1 of them unreadable (damaged record)");
    }

    @Test
    void lsAsJsonOrCsvKeepsTheDamagedRowWithItsKeyAndANote() throws IOException {
        CliRun json = CliRun.of("ls", "sqlite:" + db, "--format", "json");
        CliRun csv = CliRun.of("ls", "sqlite:" + db, "--format", "csv");

        assertThat(json.exitCode()).isEqualTo(1);
        assertThat(JsonCodec.parse(json.out()).findValuesAsText("session")).containsExactly("a", "b", "c");
        assertThat(JsonCodec.parse(json.out()).get(1).path("damagedRecord").asText()).startsWith("session 'b' holds a damaged record (");
        assertThat(csv.exitCode()).isEqualTo(1);
        assertThat(csv.out().lines()).contains("b,,,,damaged record,");
    }

    @Test
    void migrateRefusesNamingTheDamagedRecord() throws SQLException {
        CliRun run = CliRun.of("migrate", "sqlite:" + db, "json:" + dir.resolve("out.json"), "--backup-dir", journal);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("session 'b' holds a damaged record", "DELETE FROM sessions WHERE session_key = 'b'");
        assertThat(dir.resolve("out.json")).doesNotExist();
    }

    @Test
    void migrateSkippingUnreadableCopiesTheRestNamesTheRecordLeftOutAndVerifiesClean() throws IOException, SQLException {
        Map<String, String> before = rows();
        Path out = dir.resolve("out.json");

        CliRun plan = CliRun.of("migrate", "sqlite:" + db, "json:" + out, "--skip-unreadable", "--dry-run", "--backup-dir", journal);
        CliRun run = CliRun.of("migrate", "sqlite:" + db, "json:" + out, "--skip-unreadable", "--backup-dir", journal, "--format", "json");

        assertThat(plan.exitCode()).as(plan.err()).isZero();
        assertThat(plan.err()).doesNotContain("note: --skip-unreadable");
        assertThat(plan.out()).contains("source records not read:", "warning: 1 record of the source not read (--skip-unreadable), so not copied:"
                + " session 'b': ").doesNotContain(DAMAGED);
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = JsonCodec.parse(run.out());
        assertThat(report.path("counts").path("records written").asLong()).isEqualTo(2);
        assertThat(report.path("counts").path("source records not read").asLong()).isEqualTo(1);
        assertThat(report.path("counts").path("records verified").asLong()).isEqualTo(2);
        assertThat(report.findPath("verification").path("passed").asBoolean()).as(run.out()).isTrue();
        assertThat(report.findPath("verification").path("expected").asLong()).isEqualTo(2);
        assertThat(report.path("warnings").toString()).contains("1 record of the source not read", "session 'b'");
        assertThat(JsonCodec.parse(Files.readString(out)).findValuesAsText("session")).containsExactlyInAnyOrder("a", "c");
        assertThat(rows()).isEqualTo(before);
    }

    /** A key holding a token is masked in the finding, the plan and the report, and left out of the DELETE the finding advises. */
    @Test
    void aDamagedRecordsKeyIsShownWithItsSecretMasked() throws IOException, SQLException {
        String token = "ghp_AAAABBBBCCCCDDDDEEEEFFFFGGGGHHHH1234";
        Path masked = dir.resolve("masked.db");
        Path json = Files.writeString(dir.resolve("token.json"), "[{\"session\": \"a\"}, {\"session\": \"" + token + "\"}]");
        assertThat(CliRun.of("migrate", "json:" + json, "sqlite:" + masked, "--backup-dir", journal).exitCode()).isZero();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + masked); Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE sessions SET record = '" + DAMAGED + "' WHERE session_key = '" + token + "'");
        }

        CliRun validate = CliRun.of("validate", "sqlite:" + masked, "--check", "store-damage", "--format", "json");
        CliRun run = CliRun.of("migrate", "sqlite:" + masked, "json:" + dir.resolve("m.json"), "--skip-unreadable", "--backup-dir", journal);

        assertThat(validate.exitCode()).as(validate.err()).isEqualTo(1);
        assertThat(validate.out()).contains("session '****1234' holds a damaged record", "WHERE session_key = ...");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("session '****1234': ");
        for (String shown : List.of(validate.out(), validate.err(), run.out(), run.err())) {
            assertThat(shown).doesNotContain("ghp_AAAA");
        }
    }

    @Test
    void aPostgresqlStoreListsValidatesAndSkipsItsDamagedRecordTheSameWay() throws IOException {
        String postgres = TestPostgres.get().freshSchema().display();
        CliRun made = CliRun.of("migrate", "json:" + threeSessions(), postgres, "--backup-dir", journal);
        assertThat(made.exitCode()).as(made.err()).isZero();
        String schema = StoreLocator.parse(postgres).param("schema").orElseThrow();
        TestPostgres.get().execute("UPDATE " + schema + ".sessions SET record = '" + DAMAGED + "' WHERE session_key = 'b'");
        Path out = dir.resolve("pg-out.json");

        CliRun validate = CliRun.of("validate", postgres, "--check", "store-damage");
        CliRun run = CliRun.of("migrate", postgres, "json:" + out, "--skip-unreadable", "--backup-dir", journal);

        assertThat(validate.exitCode()).as(validate.err()).isEqualTo(1);
        assertThat(validate.out()).contains("session 'b' holds a damaged record");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("1 record of the source not read (--skip-unreadable)");
        assertThat(JsonCodec.parse(Files.readString(out)).findValuesAsText("session")).containsExactlyInAnyOrder("a", "c");

        CliRun info = CliRun.of("info", postgres);
        assertThat(info.exitCode()).as(info.err()).isZero();
        assertThat(info.out()).contains("Sessions of:    Minsky\n");

        CliRun everyCheck = CliRun.of("validate", postgres, "--format", "json");
        CliRun ls = CliRun.of("ls", postgres);
        CliRun page = CliRun.of("ls", postgres, "--sort", "session", "--limit", "10");

        assertThat(everyCheck.exitCode()).as(everyCheck.err()).isEqualTo(1);
        assertDamageFoundBesideTheDateOfC(JsonCodec.parse(everyCheck.out()));
        for (CliRun listing : List.of(ls, page)) {
            assertThat(listing.exitCode()).as(listing.err()).isEqualTo(1);
            assertThat(listing.out()).containsPattern("(?m)^a ").containsPattern("(?m)^b +damaged record: run sessiondb validate").containsPattern("(?m)^c ");
            assertThat(listing.err()).contains("session 'b' holds a damaged record (", "DELETE FROM sessions WHERE session_key = 'b'");
        }
    }
}
