package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.Fixtures;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.sql.TestPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The done-when: the real fixture migrated JSON -> SQLite -> PostgreSQL -> JSON through the CLI diffs identical. */
class FixtureRoundTripTest {

    @TempDir
    Path dir;

    @Test
    void theFixtureMigratedThroughSqliteAndPostgresqlBackToJsonIsIdentical() throws Exception {
        String original = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir).toString();
        String sqlite = "sqlite:" + dir.resolve("sessions.db");
        StoreLocator schema = TestPostgres.get().freshSchema();
        String postgres = schema.target() + "?schema=" + schema.param("schema").orElseThrow();
        String back = "json:" + dir.resolve("back.json");
        String backups = dir.resolve("backups").toString();

        assertThat(CliRun.of("migrate", original, sqlite, "--backup-dir", backups).exitCode()).isZero();
        assertThat(CliRun.of("migrate", sqlite, postgres, "--backup-dir", backups).exitCode()).isZero();
        assertThat(CliRun.of("migrate", postgres, back, "--backup-dir", backups).exitCode()).isZero();
        CliRun diff = CliRun.of("diff", original, back, "--format", "json");

        assertThat(diff.exitCode()).isZero();
        assertThat(JsonCodec.compact(JsonCodec.parse(diff.out()))).isEqualTo("{\"onlyInA\":[],\"onlyInB\":[],\"changed\":[],\"identical\":217}");
        assertThat(CliRun.of("diff", original, postgres).out()).contains("Identical: 217");
    }
}
