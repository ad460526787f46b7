package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.job.StoreContents;
import dev.sessiondb.sample.SampleSessions;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `ls` of a chat server's or magellai's store printed Minsky's task, repo, branch and status, empty in every row, and nothing
 * of the fields its sessions have. Its columns now follow the sessions' kind, and `--columns` picks any fields.
 */
class ListColumnsTest {

    @TempDir
    Path dir;

    @Test
    void aChatServersSessionsAreListedByTenantAndUser() {
        String store = StoreContents.create("sqlite:" + dir.resolve("chat.db") + "?layout=chat",
                LongStream.range(0, 3).mapToObj(SampleSessions::chatRecord).toList()).toString();

        CliRun table = CliRun.of("ls", store);

        assertThat(heading(table)).containsExactly("SESSION", "TENANT", "USER", "CREATED AT");
        assertThat(table.out()).contains("chat-000000").contains("tenant-0").contains("user-0").doesNotContain("REPO NAME");
        assertThat(csv(CliRun.of("ls", store, "--format", "csv")).get(1).values())
                .containsExactly("chat-000001", "tenant-1", "", "2025-01-06T09:03:00Z");
    }

    /** ls sorted and filtered by Minsky's fields alone: a chat admin's --filter tenantId=... was refused as no field ls knows. */
    @Test
    void aChatServersSessionsAreSortedAndFilteredByTenantAndUser() {
        String store = StoreContents.create("sqlite:" + dir.resolve("chat.db") + "?layout=chat",
                LongStream.range(0, 7).mapToObj(SampleSessions::chatRecord).toList()).toString();

        CliRun tenant = CliRun.of("ls", store, "--format", "csv", "--filter", "tenantId=tenant-1", "--sort", "userId", "--desc");
        CliRun withoutUser = CliRun.of("ls", store, "--format", "csv", "--without", "userId", "--sort", "tenantId");

        // tenant-1 holds sessions 1 and 4; only 4 has a user, and sessions without a value sort last either way
        assertThat(csv(tenant).stream().map(row -> row.get("session"))).containsExactly("chat-000004", "chat-000001");
        assertThat(csv(withoutUser).stream().map(row -> row.get("tenantId"))).containsExactly("tenant-0", "tenant-1", "tenant-2");
    }

    /** With no session listed, the header fell back to Minsky's task, repo, branch and status: a script reading the CSV broke. */
    @Test
    void aSearchListingNoChatSessionStillHasTheChatServersColumns() {
        String store = StoreContents.create("sqlite:" + dir.resolve("chat.db") + "?layout=chat",
                LongStream.range(0, 3).mapToObj(SampleSessions::chatRecord).toList()).toString();

        CliRun table = CliRun.of("ls", store, "--search", "no-such-session");
        CliRun csv = CliRun.of("ls", store, "--search", "no-such-session", "--format", "csv");

        assertThat(heading(table)).containsExactly("SESSION", "TENANT", "USER", "CREATED AT");
        assertThat(csv.out().lines().findFirst().orElseThrow()).isEqualTo("session,tenantId,userId,createdAt");
    }

    /**
     * The window heads a chat server's fields Tenant and User and magellai's Name and Model; ls's table headed them TENANT ID,
     * USER ID and CONVERSATION.MODEL. It now names them as the window does (the CSV keeps the paths scripts read: magellaisSessionsAreListedByNameAndModel).
     */
    @Test
    void magellaisTableHeadsNameAndModelAsTheWindowDoes() {
        String magellai = StoreContents.create("jsondir:" + dir.resolve("magellai"), LongStream.range(0, 2).mapToObj(SampleSessions::magellaiRecord).toList())
                .toString();

        assertThat(heading(CliRun.of("ls", magellai))).containsExactly("SESSION", "NAME", "MODEL", "CREATED AT");
        assertThat(heading(CliRun.of("ls", magellai, "--columns", "session,conversation.model,conversation.provider")))
                .containsExactly("SESSION", "MODEL", "CONVERSATION.PROVIDER");
    }

    @Test
    void magellaisSessionsAreListedByNameAndModel() {
        String store = StoreContents.create("jsondir:" + dir.resolve("magellai"), LongStream.range(0, 2).mapToObj(SampleSessions::magellaiRecord).toList())
                .toString();

        List<CSVRecord> rows = csv(CliRun.of("ls", store, "--format", "csv"));

        assertThat(rows.get(0).getParser().getHeaderNames()).containsExactly("session", "name", "conversation.model", "createdAt");
        assertThat(rows.get(0).get("name")).isEqualTo("Session 0");
        assertThat(rows.get(0).get("conversation.model")).isEqualTo("gpt-4o");
        assertThat(rows.get(0).get("createdAt")).isNotEmpty();
    }

    @Test
    void aMinskyStoreKeepsItsColumnsAndColumnsPicksAnyFieldsMasked() throws Exception {
        Path store = Files.writeString(dir.resolve("session-db.json"), """
                [{"session": "task#1", "taskId": "#1", "repoName": "local/minsky", "repoUrl": "https://bob:hunter2secret@example.com/r.git",
                  "pullRequest": {"state": "open"}, "createdAt": "2024-04-29T15:23:00.000Z"}]
                """);

        assertThat(csv(CliRun.of("ls", store.toString(), "--format", "csv")).get(0).getParser().getHeaderNames())
                .containsExactly("session", "taskId", "repoName", "branch", "status", "createdAt");
        List<CSVRecord> picked = csv(CliRun.of("ls", store.toString(), "--format", "csv", "--columns", "session,pullRequest.state,repoUrl"));
        assertThat(picked.get(0).values()).hasSize(3).startsWith("task#1", "open");
        assertThat(picked.get(0).get("repoUrl")).doesNotContain("hunter2secret");
    }

    @Test
    void columnsWithJsonOrAnEmptyFieldIsRefusedSayingWhatToDo() throws Exception {
        Path store = Files.writeString(dir.resolve("session-db.json"), "[{\"session\": \"s\"}]");

        CliRun json = CliRun.of("ls", store.toString(), "--format", "json", "--columns", "session");
        CliRun empty = CliRun.of("ls", store.toString(), "--columns", "session,,status");

        assertThat(json.exitCode()).isEqualTo(2);
        assertThat(json.err()).contains("--format json prints every field");
        assertThat(empty.exitCode()).isEqualTo(2);
        assertThat(empty.err()).contains("names an empty field");
    }

    /** A mistyped field printed an empty column and exited 0 with no word, so the typo went unnoticed. */
    @Test
    void aColumnNoListedSessionFillsIsNotedNamingTheField() throws Exception {
        Path store = Files.writeString(dir.resolve("session-db.json"), """
                [{"session": "task#1", "repoName": "local/minsky"}, {"session": "task#2", "repoName": "local/minsky", "status": "ACTIVE"}]
                """);

        CliRun typo = CliRun.of("ls", store.toString(), "--columns", "session,repoNmae,status");
        CliRun spelled = CliRun.of("ls", store.toString(), "--columns", "session,repoName,status");

        assertThat(typo.exitCode()).isZero();
        assertThat(typo.out()).contains("task#2");
        assertThat(typo.err()).contains("note: --columns 'repoNmae': none of the sessions listed has this field").doesNotContain("'status'");
        assertThat(spelled.err()).isEmpty();
    }

    private static String[] heading(CliRun table) {
        assertThat(table.exitCode()).isZero();
        return table.out().lines().findFirst().orElseThrow().split("\\s{2,}");
    }

    private static List<CSVRecord> csv(CliRun run) {
        assertThat(run.exitCode()).isZero();
        try {
            return CSVFormat.DEFAULT.builder().setHeader().build().parse(new StringReader(run.out())).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
