package dev.sessiondb.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.cli.CliRun;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.sql.MinskySchemas;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit's repro, on a real PostgreSQL holding Minsky's 2026 schema and a Minsky SQLite file: a value
 * the column keeps as the same value in its own form (a date without milliseconds, an explicit null) is no
 * loss, the migration that plans none verifies clean, and diff counts no change between the two; digits or fields
 * the table cannot keep still are.
 */
class MinskyHeldFormsTest {

    private static final String RECORD = "{\"session\":\"n2\",\"repoName\":\"r\",\"repoUrl\":\"u\",\"createdAt\":\"%s\"%s}";

    @TempDir
    Path dir;

    private CliRun cli(String... args) {
        return CliRun.of(Stream.concat(Stream.of(args), Stream.of("--backup-dir", dir.resolve("journal").toString())).toArray(String[]::new));
    }

    private Path source(String createdAt, String moreFields) throws Exception {
        Path file = dir.resolve("n2.json");
        Files.writeString(file, "[" + RECORD.formatted(createdAt, moreFields) + "]");
        return file;
    }

    @Test
    void aDateWithoutMillisecondsAndExplicitNullsAreNoLossAndVerifyOnPostgres() throws Exception {
        migratesWithoutLoss(MinskySchemas.postgres(false));
    }

    @Test
    void explicitNullsAreNoLossAndVerifyOnSqlite() throws Exception {
        migratesWithoutLoss(MinskySchemas.sqlite(MinskySchemas.Era.SQLITE_2026, dir.resolve("minsky.db"), false));
    }

    private void migratesWithoutLoss(StoreLocator minsky) throws Exception {
        Path source = source("2025-01-01T00:00:00Z", ",\"taskId\":null,\"prApproved\":null,\"pullRequest\":null");

        CliRun dryRun = cli("migrate", "json:" + source, minsky.display(), "--mode", "merge", "--dry-run");
        CliRun run = cli("migrate", "json:" + source, minsky.display(), "--mode", "merge");

        assertThat(dryRun.exitCode()).as(dryRun.out() + dryRun.err()).isZero();
        assertThat(dryRun.out() + dryRun.err()).doesNotContain("cannot hold");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("records verified:").doesNotContain("cannot hold");
        CliRun diff = CliRun.of("diff", "json:" + source, minsky.display());
        CliRun backwards = CliRun.of("diff", minsky.display(), "json:" + source);
        assertThat(diff.exitCode()).as("diff counts what the verification counts: " + diff.out() + diff.err()).isZero();
        assertThat(backwards.exitCode()).as(backwards.out() + backwards.err()).isZero();
    }

    @Test
    void aDateWithDigitsPastTheMillisecondIsNamedAsCutStillNeedsAllowLossAndVerifiesWhenAllowed() throws Exception {
        StoreLocator minsky = MinskySchemas.postgres(false);
        Path source = source("2025-01-01T00:00:00.123456Z", "");

        CliRun dryRun = cli("migrate", "json:" + source, minsky.display(), "--mode", "merge", "--dry-run");
        CliRun refused = cli("migrate", "json:" + source, minsky.display(), "--mode", "merge");
        CliRun allowed = cli("migrate", "json:" + source, minsky.display(), "--mode", "merge", "--allow-loss");

        assertThat(dryRun.out()).contains("  loss: createdAt: digits past the millisecond cut (the target keeps dates to the millisecond) (1 record)")
                .doesNotContain("cannot hold");
        assertThat(refused.exitCode()).as(refused.out() + refused.err()).isEqualTo(2);
        assertThat(refused.err()).contains("would cut the digits past the millisecond of createdAt (1 record)",
                "pass --allow-loss to write them with those dates cut to the millisecond").doesNotContain("cannot hold");
        assertThat(allowed.exitCode()).as(allowed.out() + allowed.err()).isZero();
        assertThat(allowed.out()).contains("records verified:");
        CliRun diff = CliRun.of("diff", "json:" + source, minsky.display());
        assertThat(diff.exitCode()).isEqualTo(1);
        assertThat(diff.out()).contains("createdAt: \"2025-01-01T00:00:00.123456Z\" -> \"2025-01-01T00:00:00.123Z\"");
    }

    @Test
    void aConsolidatePlanNamesTheCutDigitsAsTheMigratePlanDoes() throws Exception {
        Path source = source("2025-01-01T00:00:00.123456Z", "");

        CliRun dryRun = cli("consolidate", "json:" + source, "--into", MinskySchemas.postgres(false).display(), "--mode", "merge", "--dry-run");

        assertThat(dryRun.out()).contains("  loss: createdAt: digits past the millisecond cut (the target keeps dates to the millisecond) (1 record)")
                .doesNotContain("cannot hold");
    }

    /**
     * Minsky's PostgreSQL {@code project_id} is a uuid column: given an upper-case UUID it keeps the same UUID and gives it back
     * lower-case. That is its form of the value, no loss: the plan says so, no --allow-loss is needed, the run verifies, and diff
     * counts no change.
     */
    @Test
    void anUpperCaseUuidInAUuidColumnIsKeptLowerCaseNotLost() throws Exception {
        StoreLocator minsky = MinskySchemas.postgres(false);
        Path source = source("2025-01-01T00:00:00.000Z", ",\"projectId\":\"" + MinskySchemas.PROJECT_ID.toUpperCase(Locale.ROOT) + "\"");

        CliRun dryRun = cli("migrate", "json:" + source, minsky.display(), "--mode", "merge", "--dry-run");
        CliRun run = cli("migrate", "json:" + source, minsky.display(), "--mode", "merge");

        assertThat(dryRun.exitCode()).as(dryRun.out() + dryRun.err()).isZero();
        assertThat(dryRun.out()).contains("  kept: projectId: kept lower-case (the target's uuid column gives the same UUID back in lower case) (1 record)")
                .doesNotContain("cannot hold").doesNotContain("loss:");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("records verified:      ").doesNotContain("cannot hold");
        CliRun read = CliRun.of("show", minsky.display(), "n2");
        assertThat(read.out()).contains(MinskySchemas.PROJECT_ID);
        CliRun diff = CliRun.of("diff", "json:" + source, minsky.display());
        CliRun backwards = CliRun.of("diff", minsky.display(), "json:" + source);
        assertThat(diff.exitCode()).as("the same UUID on both sides: " + diff.out() + diff.err()).isZero();
        assertThat(backwards.exitCode()).as(backwards.out() + backwards.err()).isZero();
    }

    /** A text that is not a UUID in the same column is still refused by name, not passed off as a held form. */
    @Test
    void aProjectIdThatIsNoUuidIsStillNotKept() throws Exception {
        Path source = source("2025-01-01T00:00:00.000Z", ",\"projectId\":\"1-1-1-1-1\"");

        CliRun dryRun = cli("migrate", "json:" + source, MinskySchemas.postgres(false).display(), "--mode", "merge", "--dry-run");

        assertThat(dryRun.out()).contains("cannot hold: projectId");
    }

    @Test
    void aFieldWithNoColumnIsStillALoss() throws Exception {
        Path source = source("2025-01-01T00:00:00.000Z", ",\"branch\":\"main\"");

        CliRun dryRun = cli("migrate", "json:" + source, MinskySchemas.postgres(false).display(), "--mode", "merge", "--dry-run");

        assertThat(dryRun.out() + dryRun.err()).contains("cannot hold: branch");
    }
}
