package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.Fixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pass over the CLI found {@code migrate --layout chat} into a JSON file accepted, the file written in its one layout without a word. */
class LayoutATargetCannotHoldTest {

    @TempDir
    Path dir;

    @Test
    void aJsonFileTargetRefusesTheChatLayoutNamingTheLayoutsItHolds() {
        String source = "json:" + Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);
        Path target = dir.resolve("chat.json");

        for (String dryRun : new String[] {"--dry-run", "--no-verify"}) {
            CliRun run = CliRun.of("migrate", source, "json:" + target, "--layout", "chat", dryRun, "--backup-dir", dir.resolve("journal").toString());

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("is a json store, which holds the native or minsky layout, not chat", "drop --layout");
            assertThat(target).doesNotExist();
        }
    }

    @Test
    void aConsolidateIntoAJsonFileRefusesTheMagellaiLayout() {
        String source = "json:" + Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);
        Path target = dir.resolve("all.json");

        CliRun run = CliRun.of("consolidate", source, "--into", "json:" + target, "--layout", "magellai", "--backup-dir", dir.resolve("journal").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("which holds the native or minsky layout, not magellai");
        assertThat(target).doesNotExist();
    }

    /** A SQLite target given magellai was refused naming the plan's scratch stand-in (sqlite:/tmp/sessiondb-probe…/probe), not the target. */
    @Test
    void aSqliteTargetRefusesTheMagellaiLayoutAndAFolderTargetEveryOtherNamingTheTarget() {
        String source = "json:" + Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);
        Path sqlite = dir.resolve("magellai.db");
        Path folder = dir.resolve("sessions");

        CliRun intoSqlite = CliRun.of("migrate", source, "sqlite:" + sqlite, "--layout", "magellai", "--dry-run");
        CliRun intoFolder = CliRun.of("migrate", source, "jsondir:" + folder, "--layout", "chat", "--backup-dir", dir.resolve("journal").toString());

        assertThat(intoSqlite.exitCode()).isEqualTo(2);
        assertThat(intoSqlite.err()).contains("target sqlite:" + sqlite + "?layout=magellai is a sqlite store, which holds the native, minsky or chat"
                + " layout, not magellai").doesNotContain("probe");
        assertThat(intoFolder.exitCode()).isEqualTo(2);
        assertThat(intoFolder.err()).contains("is a jsondir store, which holds the magellai layout, not chat");
        assertThat(sqlite).doesNotExist();
        assertThat(folder).doesNotExist();
    }

    @Test
    void theLayoutsAJsonFileHoldsAreStillTaken() {
        String source = "json:" + Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);

        CliRun run = CliRun.of("migrate", source, "json:" + dir.resolve("native.json"), "--layout", "native", "--backup-dir", dir.resolve("journal").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(dir.resolve("native.json")).exists();
    }
}
