package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessiondb.Fixtures;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.sql.TestPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a migration's plan says, as the dry run prints it and the Migrate wizard shows it: true of the target, and not at odds with the mode. */
class MigratePlanWordsTest {

    @TempDir
    Path dir;

    /**
     * The plan of the real fixture into a new PostgreSQL store warned that the fields it cannot hold were "estimated from the same
     * layout in SQLite": the window headlined "nothing is lost, but read the warning below". Every field is kept, as the run shows.
     */
    @Test
    void theFixturesPlanIntoANewPostgresStoreWarnsOfNothingAndEveryFieldIsKept() {
        String original = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir).toString();
        StoreLocator schema = TestPostgres.get().freshSchema();
        String postgres = schema.target() + "?schema=" + schema.param("schema").orElseThrow();
        String backups = dir.resolve("backups").toString();

        CliRun plan = CliRun.of("migrate", original, postgres, "--dry-run", "--backup-dir", backups);

        assertThat(plan.exitCode()).as(plan.err()).isZero();
        assertThat(plan.out()).contains("source records:                    217", "Dry run: nothing was written.")
                .doesNotContain("warning:", "cannot hold:", "loss:", "kept:");
        assertThat(CliRun.of("migrate", original, postgres, "--backup-dir", backups).exitCode()).isZero();
        assertThat(CliRun.of("diff", original, postgres).out()).contains("Identical: 217");
    }

    /**
     * Back after a finished run plans again into the target it made: the plan said "running writes nothing and only verifies" as a
     * warning under "New: the target must be absent or empty", which the target is not. It says the migration is done.
     */
    @Test
    void aPlanIntoTheTargetAFinishedRunMadeSaysTheMigrationIsAlreadyDone() {
        String original = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir).toString();
        String sqlite = "sqlite:" + dir.resolve("sessions.db");
        String backups = dir.resolve("backups").toString();
        assertThat(CliRun.of("migrate", original, sqlite, "--backup-dir", backups).exitCode()).isZero();

        CliRun again = CliRun.of("migrate", original, sqlite, "--dry-run", "--backup-dir", backups);

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("note: this migration is already done: the target holds exactly the source's records, so it is not"
                + " refused as not empty; Run writes nothing and only verifies them").doesNotContain("running writes nothing", "warning:");
    }

    /** Nothing is wrong with a migration already done: --format json says so under notes, a field of its own, not under warnings. */
    @Test
    void aPlanOfAMigrationAlreadyDoneHasANoteAndNoWarningInJson() throws Exception {
        String original = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir).toString();
        String sqlite = "sqlite:" + dir.resolve("sessions.db");
        String backups = dir.resolve("backups").toString();
        assertThat(CliRun.of("migrate", original, sqlite, "--backup-dir", backups).exitCode()).isZero();

        CliRun again = CliRun.of("migrate", original, sqlite, "--dry-run", "--format", "json", "--backup-dir", backups);

        assertThat(again.exitCode()).as(again.err()).isZero();
        JsonNode plan = JsonCodec.parse(again.out());
        assertThat(plan.path("warnings").isArray()).isTrue();
        assertThat(plan.path("warnings")).isEmpty();
        assertThat(plan.path("notes")).singleElement().extracting(JsonNode::asText).asString().startsWith("this migration is already done");
    }
}
