package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessiondb.model.JsonCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder store with stray or broken files (the audit's four): validate names every one as a
 * store-damage finding, a job refuses naming them all at once, and migrate --skip-unreadable
 * copies the rest and names what it left out; the folder is never changed.
 */
class UnreadableFolderFilesTest {

    @TempDir
    Path dir;

    private Path folder;
    private String journal;

    @BeforeEach
    void folderWithFourBadFiles() throws IOException {
        folder = Files.createDirectory(dir.resolve("dir2"));
        journal = dir.resolve("journal").toString();
        Files.writeString(folder.resolve("a.json"), "{\n  \"session\": \"a\",\n  \"repoName\": \"r\"\n}\n");
        Files.writeString(folder.resolve("b.json"), "{\n  \"session\": \"b\",\n  \"repoName\": \"r\"\n}\n");
        Files.writeString(folder.resolve("arr.json"), "[1,2]\n");
        Files.writeString(folder.resolve("config.json"), "{\"not\":\"a session\"}\n");
        Files.writeString(folder.resolve("empty.json"), "");
        Files.writeString(folder.resolve("trunc.json"), "{\"session\":\"t\",\"repoName\":\"r\",\"repoUrl\":\"u\",\"createdAt\":\"2025-\n");
    }

    private Map<String, String> folderContents() throws IOException {
        Map<String, String> contents = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                contents.put(file.getFileName().toString(), Files.readString(file));
            }
        }
        return contents;
    }

    @Test
    void validateListsEveryUnreadableFileAsAFindingAndChecksTheRest() throws IOException {
        Map<String, String> before = folderContents();

        CliRun run = CliRun.of("validate", "jsondir:" + folder, "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        List<String> damage = new ArrayList<>();
        for (JsonNode finding : JsonCodec.parse(run.out()).path("findings")) {
            if (finding.path("check").asText().equals("store-damage")) {
                damage.add(finding.path("message").asText());
                assertThat(finding.path("fix").asText()).contains("move it out of the folder", "sessiondb migrate --skip-unreadable");
            }
        }
        assertThat(damage).satisfiesExactly(
                arr -> assertThat(arr).isEqualTo(folder.resolve("arr.json") + " cannot be read as a session: the top level is not a session object at line 1, column 1"),
                config -> assertThat(config).startsWith(folder.resolve("config.json") + " cannot be read as a session: the session has no 'id' field"),
                empty -> assertThat(empty).startsWith(folder.resolve("empty.json") + " cannot be read as a session: the file is empty"),
                trunc -> assertThat(trunc).startsWith(folder.resolve("trunc.json") + " cannot be read as a session: not valid JSON at line 1"));
        assertThat(folderContents()).isEqualTo(before);
    }

    @Test
    void migrateRefusesNamingEveryUnreadableFileAtOnce() throws IOException {
        Map<String, String> before = folderContents();

        CliRun run = CliRun.of("migrate", "jsondir:" + folder, "json:" + dir.resolve("out2.json"), "--backup-dir", journal);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("sessiondb: " + folder + ": 4 files cannot be read as sessions: (1) arr.json: ")
                .contains("(2) config.json: ", "(3) empty.json: ", "(4) trunc.json: ")
                .contains("copy the readable sessions out with sessiondb migrate --skip-unreadable");
        assertThat(dir.resolve("out2.json")).doesNotExist();
        assertThat(folderContents()).isEqualTo(before);
    }

    @Test
    void migrateSkippingUnreadableCopiesTheRestAndNamesWhatItLeftOutInThePlanAndReport() throws IOException {
        Map<String, String> before = folderContents();
        Path out = dir.resolve("out2.json");

        CliRun plan = CliRun.of("migrate", "jsondir:" + folder, "json:" + out, "--skip-unreadable", "--dry-run", "--backup-dir", journal);
        CliRun run = CliRun.of("migrate", "jsondir:" + folder, "json:" + out, "--skip-unreadable", "--backup-dir", journal, "--format", "json");

        assertThat(plan.exitCode()).as(plan.err()).isZero();
        assertThat(plan.out()).contains("source records:", "source files not read:             4",
                "warning: 4 files of the source not read (--skip-unreadable), so not copied: arr.json: the top level is not a session object");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = JsonCodec.parse(run.out());
        assertThat(report.path("counts").path("records written").asLong()).isEqualTo(2);
        assertThat(report.path("counts").path("source files not read").asLong()).isEqualTo(4);
        assertThat(report.path("warnings").toString()).contains("4 files of the source not read", "arr.json", "config.json", "empty.json", "trunc.json");
        assertThat(JsonCodec.parse(Files.readString(out)).size()).isEqualTo(2);
        assertThat(folderContents()).isEqualTo(before);
    }

    /** An audit: names a read masks (a token, credentials hidden by the file name's percent-encoding) reached the plan and report whole. */
    @Test
    void theFilesLeftOutAreNamedWithTheirSecretsMaskedEverywhere() throws IOException {
        Files.writeString(folder.resolve("ghp_AAAABBBBCCCCDDDDEEEEFFFFGGGGHHHH1234.json"), "{\"session\":");
        Files.writeString(folder.resolve("https%3A%2F%2Feve%3Aevepw99%40github.com%2Fo%2Fr.json"), "{\"session\":");
        Path out = dir.resolve("masked.json");

        CliRun validate = CliRun.of("validate", "jsondir:" + folder);
        CliRun refused = CliRun.of("ls", "jsondir:" + folder);
        CliRun run = CliRun.of("migrate", "jsondir:" + folder, "json:" + out, "--skip-unreadable", "--backup-dir", journal, "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        String reportFile;
        try (Stream<Path> reports = Files.list(Path.of(journal, "reports"))) {
            reportFile = Files.readString(reports.findFirst().orElseThrow());
        }
        for (String shown : List.of(validate.out(), validate.err(), refused.err(), run.out(), run.err(), reportFile)) {
            assertThat(shown).doesNotContain("ghp_AAAA", "evepw99");
        }
        assertThat(run.out()).contains("****1234.json", "https://eve:****@github.com/o/r.json");
    }

    /** An audit: on a JSON file the flag was silently without effect. */
    @Test
    void skippingUnreadableOnASourceThatIsNoFolderSaysItIsReadWhole() throws IOException {
        Path cut = Files.writeString(dir.resolve("cut.json"), "[{\"session\":\"a\",\"repoName\":\"r\"}, {\"session\":");

        CliRun run = CliRun.of("migrate", "json:" + cut, "json:" + dir.resolve("o.json"), "--skip-unreadable", "--backup-dir", journal);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("sessiondb: note: --skip-unreadable leaves out a folder (jsondir:) source's files that do not read as sessions and a SQLite or PostgreSQL"
                + " source's damaged records only; json:" + cut
                + " is read whole").contains("not valid JSON at line 1");
    }
}
