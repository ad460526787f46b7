package dev.sessiondb.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.Fixtures;
import dev.sessiondb.cli.CliRun;
import dev.sessiondb.store.sql.DamagedSqliteFiles;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A SQLite store with half a page lost opens and reads as if whole: validate reports it damaged,
 * and a job refuses it as a source or a target before writing anything.
 */
class DamagedSqliteJobsTest {

    private static final String DAMAGED = "the SQLite file is damaged (SQLite's quick_check: ";

    @TempDir
    Path dir;

    private Path damaged;
    private Path fixture;

    @BeforeEach
    void damagedStore() throws Exception {
        damaged = DamagedSqliteFiles.store(dir.resolve("halfpage.db"), 2_000);
        DamagedSqliteFiles.zeroHalfOfALeafPage(damaged);
        fixture = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);
    }

    private CliRun cli(String... args) {
        return CliRun.of(Stream.concat(Arrays.stream(args), Stream.of("--backup-dir", dir.resolve("journal").toString())).toArray(String[]::new));
    }

    @Test
    void validateReportsTheDamageAsAFindingOfItsOwnCheckWithWhatToDo() throws Exception {
        CliRun run = CliRun.of("validate", "sqlite:" + damaged, "--check", "store-damage", "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).contains("\"check\": \"store-damage\"").contains(DAMAGED).contains("sessiondb undo --list")
                .contains("sqlite3 " + damaged + " .dump | sed 's/^ROLLBACK; -- due to errors$/COMMIT;/' | sqlite3 recovered.db");

        Path intact = DamagedSqliteFiles.store(dir.resolve("intact.db"), 200);
        assertThat(CliRun.of("validate", "sqlite:" + intact, "--check", "store-damage").exitCode()).isZero();
    }

    /** Copying out what a damaged file still reads is how its sessions are rescued: the search index's damage does not stop it. */
    @Test
    void aDamagedSourceIsCopiedOutAsFarAsItReads() {
        Path target = dir.resolve("out.json");

        CliRun run = cli("migrate", "sqlite:" + damaged, "json:" + target);
        CliRun repair = cli("repair", "sqlite:" + damaged);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(StoreContents.records("json:" + target)).hasSize((int) StoreContents.records("sqlite:" + damaged).size());
        assertThat(repair.exitCode()).isEqualTo(2);
        assertThat(repair.err()).contains("sqlite:" + damaged + ": " + DAMAGED).contains("nothing was written").contains("sessiondb undo --list");
    }

    @Test
    void aJobRefusesADamagedTargetBeforeWritingAndLeavesItAsItWas() throws Exception {
        byte[] before = Files.readAllBytes(damaged);

        CliRun run = cli("migrate", "json:" + fixture, "sqlite:" + damaged, "--mode", "merge");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("sqlite:" + damaged + ": " + DAMAGED).contains("nothing was written");
        assertThat(Files.readAllBytes(damaged)).isEqualTo(before);
    }

    /** A 200-session store with one page of its table zeroed: reading the records stops there. */
    private Path withATablePageZeroed() throws Exception {
        Path store = dir.resolve("zeroed.db");
        assertThat(CliRun.of("sample", "sqlite:" + store, "--count", "200", "--seed", "3").exitCode()).isZero();
        try (RandomAccessFile file = new RandomAccessFile(store.toFile(), "rw")) {
            file.seek(30L * 4096);
            file.write(new byte[4096]);
        }
        return store;
    }

    /** A second audit: a read that met a zeroed page of the source's table blamed "the SQLite file" as if it were the target. */
    @Test
    void aSourceWhosePagesCannotBeReadIsNamedInTheJobsLine() throws Exception {
        Path source = withATablePageZeroed();
        Path target = dir.resolve("out.json");

        CliRun run = cli("migrate", "sqlite:" + source, "json:" + target);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("sqlite:" + source + ": the SQLite file is damaged", "the target was not changed");
        assertThat(target).doesNotExist();
    }

    /**
     * A third audit: the line said the job "stopped while writing target" though the source was what failed (a new
     * file target is written while the source is read), and the recovery it gave named no file.
     */
    @Test
    void aDamagedSourceIsNamedAsTheSourceBeingReadWithTheCommandThatRecoversIt() throws Exception {
        Path source = withATablePageZeroed();
        byte[] before = Files.readAllBytes(source);

        CliRun run = cli("migrate", "sqlite:" + source, "json:" + dir.resolve("out.json"));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("sessiondb: migrate sqlite:" + source + " -> json:" + dir.resolve("out.json")
                        + " stopped while reading the source: sqlite:" + source + ": the SQLite file is damaged; the target was not changed")
                .contains("sqlite3 " + source + " .dump | sed 's/^ROLLBACK; -- due to errors$/COMMIT;/' | sqlite3 recovered.db")
                .doesNotContain("writing target");
        assertThat(Files.readAllBytes(source)).isEqualTo(before);
    }

    /** An audit: a source too damaged to open (cut by whole pages) gave the command that recovers it as "sqlite3 DAMAGED.db .dump ...". */
    @Test
    void aSourceTooDamagedToOpenIsNamedInTheCommandThatRecoversIt() throws Exception {
        Path source = DamagedSqliteFiles.store(dir.resolve("cut.db"), 2_000);
        DamagedSqliteFiles.cutPages(source, (int) (Files.size(source) / 2 / 4096));

        CliRun run = cli("migrate", "sqlite:" + source, "json:" + dir.resolve("out.json"));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("sqlite:" + source + ": the SQLite file is damaged; the target was not changed")
                .contains("sqlite3 " + source + " .dump | sed 's/^ROLLBACK; -- due to errors$/COMMIT;/' | sqlite3 recovered.db")
                .doesNotContain("DAMAGED.db");
    }

    /** A second audit: validate --check store-damage stopped with an error, no finding, when the damage was in the table itself. */
    @Test
    void validateReportsDamageThatStopsTheReadOfTheRecords() throws Exception {
        Path store = withATablePageZeroed();

        CliRun run = CliRun.of("validate", "sqlite:" + store, "--check", "store-damage");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).contains("the SQLite file is damaged", "a damaged page stopped the read of the records");
    }
}
