package dev.sessiondb.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bad-input audit: a session name longer than a file name can be failed a migration into a
 * folder of session files with "File name too long … check free space and permissions", the whole
 * name in one line of 10 MB. The plan refuses it, names it by its start and says what to do.
 */
class LongSessionNameJobsTest {

    @TempDir
    Path dir;

    @Test
    void aSessionNameNoFileNameCanHoldIsRefusedByAFolderTargetBeforeAnythingIsWritten() throws Exception {
        String longName = "会話".repeat(50_000);
        Path source = Files.writeString(dir.resolve("long.json"), "[{\"session\": \"" + longName + "\", \"repoName\": \"r\", \"repoUrl\": \"u\","
                + " \"createdAt\": \"2025-05-16T22:16:33.321Z\"}, {\"session\": \"short\", \"repoName\": \"r\", \"repoUrl\": \"u\","
                + " \"createdAt\": \"2025-05-16T22:16:33.321Z\"}]");

        CliRun toFolder = CliRun.of("migrate", "json:" + source, "jsondir:" + dir.resolve("sessions"), "--backup-dir", dir.resolve("journal").toString());
        CliRun toSqlite = CliRun.of("migrate", "json:" + source, "sqlite:" + dir.resolve("s.db"), "--backup-dir", dir.resolve("journal").toString());

        assertThat(toFolder.exitCode()).isEqualTo(2);
        assertThat(toFolder.err()).contains("would refuse 1 record", "… (100000 characters): its session name makes a file name of 900005 characters",
                "longer than the 255 a file name holds");
        assertThat(toFolder.err().length()).isLessThan(1000);
        assertThat(dir.resolve("sessions")).doesNotExist();
        assertThat(toSqlite.exitCode()).as(toSqlite.err()).isZero();
    }
}
