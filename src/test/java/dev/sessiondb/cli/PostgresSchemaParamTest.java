package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessiondb.job.StoreContents;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.sql.TestPostgres;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An audit: the driver's currentSchema= was ignored, so a plan looked at public and a run would have made the store there. */
class PostgresSchemaParamTest {

    @TempDir
    Path dir;

    @Test
    void currentSchemaAndASearchPathOptionNameTheStoresSchemaAsSchemaDoes() {
        assertThat(StoreLocator.parse("jdbc:postgresql://localhost/db?currentSchema=team").params()).containsExactlyEntriesOf(Map.of("schema", "team"));
        assertThat(StoreLocator.parse("postgresql://localhost/db?currentSchema=team&schema=team").param("schema")).contains("team");
        assertThat(StoreLocator.parse("postgresql://localhost/db?options=-c%20search_path%3Dteam").param("schema")).contains("team");
    }

    @Test
    void schemaAndCurrentSchemaThatDifferAreRefused() {
        assertThatThrownBy(() -> StoreLocator.parse("jdbc:postgresql://u:pw@localhost/db?schema=a&currentSchema=b"))
                .isInstanceOf(StoreException.class)
                .hasMessage("jdbc:postgresql://u:****@localhost/db?schema=a&currentSchema=b: ?schema=a and currentSchema=b name different schemas;"
                        + " give the store's schema once, as ?schema=S");
        assertThatThrownBy(() -> StoreLocator.parse("postgresql://localhost/db?currentSchema=a,public"))
                .hasMessageContaining("currentSchema=a,public names several schemas; a store lives in one: write ?schema=S");
    }

    @Test
    void aDryRunIntoAJdbcUrlWithCurrentSchemaPlansAgainstThatSchemasStore() throws Exception {
        StoreLocator team = StoreContents.create(TestPostgres.get().freshSchema().display(), SampleSessions.minskyList(7, 1));
        String schema = team.param("schema").orElseThrow();
        String jdbc = "jdbc:" + team.target() + "?currentSchema=" + schema;
        Path source = dir.resolve("in.json");
        StoreContents.create("json:" + source, SampleSessions.minskyList(3, 2));

        CliRun plan = CliRun.of("migrate", "json:" + source, jdbc, "--mode", "merge", "--dry-run", "--format", "json", "--backup-dir", dir.resolve("j").toString());
        CliRun listed = CliRun.of("ls", jdbc, "--format", "json");

        assertThat(plan.exitCode()).as(plan.err()).isZero();
        assertThat(JsonCodec.parse(plan.out()).path("counts").path("target records before").asLong()).isEqualTo(7);
        assertThat(JsonCodec.parse(listed.out()).size()).isEqualTo(7);
    }
}
