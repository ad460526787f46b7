package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pass over the CLI found {@code info} and {@code discover} showing a file's time to the nanosecond
 * ({@code 2026-12-07T05:48:21.004993827Z}), wider than discover's LAST MODIFIED column, and discover's STORE column
 * 60 characters wide whatever a path's length: a longer time or path pushed the rest of its row out of line with the header.
 */
class StoreTimesShownTest {

    private static final Instant CHANGED = Instant.parse("2025-01-02T03:04:05.123456789Z");

    @TempDir
    Path dir;

    private Path store;

    @BeforeEach
    void aStoreInAFolderWithALongPath() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("a-folder-whose-name-is-long-enough-to-pass-sixty-characters"));
        store = Fixtures.copy(Fixtures.MINSKY_ARRAY, folder);
        Files.setLastModifiedTime(store, FileTime.from(CHANGED));
    }

    @Test
    void infoShowsWhenTheStoreChangedToTheMillisecond() {
        CliRun run = CliRun.of("info", "json:" + store);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Last modified:  2025-01-02T03:04:05.123Z\n").doesNotContain("123456789");
    }

    @Test
    void discoverKeepsEachRowInLineWithItsHeaderThoughThePathIsLong() {
        CliRun run = CliRun.of("discover", "--root", dir.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        String header = lines.get(0);
        String row = lines.stream().filter(line -> line.startsWith("json:" + store)).findFirst().orElseThrow();
        assertThat(row.indexOf("2025-01-02T03:04:05.123Z ")).isEqualTo(header.indexOf("LAST MODIFIED"));
        assertThat(row.indexOf(" json ") + 1).isEqualTo(header.indexOf("FORMAT"));
        assertThat(header).as("counted as ls and info count them").contains(" SESSIONS ").doesNotContain("RECORDS");
    }
}
