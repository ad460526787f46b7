package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.Fixtures;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An audit found {@code upgrade} of a store already current ran a job: a "Done." block, a report, a history entry
 * "completed", then "schema version bare array is current". It now says so in one line and runs nothing.
 */
class UpgradeCurrentStoreTest {

    @TempDir
    Path dir;

    @Test
    void aCurrentJsonFileGetsOneLineAndNoJobInTheHistory() {
        String store = "json:" + Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);
        String journal = dir.resolve("journal").toString();

        CliRun upgrade = CliRun.of("upgrade", store, "--backup-dir", journal);
        CliRun history = CliRun.of("history", "--backup-dir", journal);

        assertThat(upgrade.exitCode()).as(upgrade.err()).isZero();
        assertThat(upgrade.out().strip()).isEqualTo(store + " is already current (a json store in the minsky layout has no schema versions);"
                + " nothing to upgrade");
        assertThat(history.out()).doesNotContain("upgrade");
        assertThat(dir.resolve("journal").resolve("reports")).doesNotExist();
        assertThat(dir.resolve("journal").resolve("backups")).doesNotExist();
    }

    @Test
    void aCurrentNativeSqliteStoreNamesItsSchemaVersion() {
        String source = "json:" + Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);
        String store = "sqlite:" + dir.resolve("native.db");
        String journal = dir.resolve("journal").toString();
        CliRun migrate = CliRun.of("migrate", source, store, "--backup-dir", journal);
        assertThat(migrate.exitCode()).as(migrate.err()).isZero();

        CliRun upgrade = CliRun.of("upgrade", store, "--backup-dir", journal);
        CliRun history = CliRun.of("history", "--backup-dir", journal);

        assertThat(upgrade.exitCode()).as(upgrade.err()).isZero();
        assertThat(upgrade.out().strip()).matches(Pattern.quote(store) + " is already current \\(schema version \\d+\\); nothing to upgrade");
        assertThat(history.out()).contains("migrate").doesNotContain("upgrade");
    }
}
