package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.Fixtures;
import dev.sessiondb.job.StoreContents;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.model.SessionQuery;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.sql.TestPostgres;
import dev.sessiondb.ui.sessions.SessionExport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A token planted in a record ({@code github.token}, a URL with credentials in a field) and used
 * as the password of a PostgreSQL URL never shows in full in anything the app prints or writes
 * for people: each command's stdout and stderr, the reports, an export, the log output, the
 * error messages. (Backups and the stores themselves keep records whole; they are owner-only.)
 */
class PlantedTokenTest {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    @TempDir
    Path dir;

    @Test
    void thePlantedTokenShowsNowhere() throws Exception {
        String token = "ghp_" + random(36);
        String password = random(16);
        Path source = plantedStore(token, password);
        String pgUrl = postgresRoleWithPassword(token);
        String closedPort = "postgresql://nobody:" + token + "@127.0.0.1:1/sessions";
        String journal = dir.resolve("journal").toString();
        Path export = dir.resolve("export.json");
        Path plain = Fixtures.copy(Fixtures.MINSKY_ARRAY, Files.createDirectories(dir.resolve("plain")));

        Map<String, String> outputs = new LinkedHashMap<>();
        String logs = capturingLogs(() -> {
            run(outputs, "info", source.toString());
            run(outputs, "ls", source.toString());
            run(outputs, "ls", source.toString(), "--format", "json");
            run(outputs, "ls", source.toString(), "--format", "csv");
            run(outputs, "show", source.toString(), "task#002");
            run(outputs, "show", source.toString(), "task#002", "--format", "json");
            run(outputs, "validate", source.toString());
            run(outputs, "validate", source.toString(), "--format", "json");
            run(outputs, "repair", source.toString(), "--dry-run", "--backup-dir", journal);
            run(outputs, "migrate", source.toString(), pgUrl, "--dry-run", "--backup-dir", journal);
            run(outputs, "migrate", source.toString(), pgUrl, "--backup-dir", journal);
            run(outputs, "migrate", source.toString(), pgUrl, "--mode", "replace", "--backup-dir", journal, "--format", "json");
            run(outputs, "info", pgUrl);
            run(outputs, "info", pgUrl, "--format", "json");
            run(outputs, "ls", pgUrl, "--format", "csv");
            run(outputs, "show", pgUrl, "task#002");
            run(outputs, "diff", source.toString(), pgUrl);
            run(outputs, "diff", plain.toString(), pgUrl, "--format", "json");
            run(outputs, "consolidate", source.toString(), pgUrl, "--into", "json:" + dir.resolve("merged.json"), "--backup-dir", journal);
            run(outputs, "undo", "--list", "--backup-dir", journal);
            run(outputs, "undo", "--backup-dir", journal);
            run(outputs, "info", closedPort);
            run(outputs, "ls", closedPort);
            run(outputs, "migrate", source.toString(), closedPort, "--backup-dir", journal);
            run(outputs, "info", "postgresql://nobody:" + token + "@127.0.0.1:1/sessions?broken");
            run(outputs, "ls", "--limit", closedPort);
            run(outputs, "info", source.toString(), closedPort);
            try (SessionStore store = StoreFactory.open(StoreLocator.parse(source.toString()), OpenMode.EXISTING)) {
                SessionExport.write(store, SessionQuery.all(), SessionExport.Format.JSON, export, new BackupJournal(Path.of(journal)),
                        ProgressMonitor.NONE);
                SessionExport.write(store, SessionQuery.all(), SessionExport.Format.CSV, dir.resolve("export.csv"), new BackupJournal(Path.of(journal)),
                        ProgressMonitor.NONE);
            }
        });

        assertThat(outputs.get("migrate " + source + " " + pgUrl + " --backup-dir " + journal)).as("the migration ran").contains("Done.");
        List<Path> reports = files(Path.of(journal, "reports"));
        assertThat(reports).as("the jobs wrote reports").isNotEmpty();

        String secretPart = token.substring(4, 28);
        String passwordPart = password.substring(0, 12);
        outputs.forEach((command, output) -> assertThat(output).as(command).doesNotContain(token).doesNotContain(secretPart)
                .doesNotContain(passwordPart));
        assertThat(logs).as("log output").doesNotContain(token).doesNotContain(secretPart).doesNotContain(passwordPart);
        for (Path written : Stream.concat(reports.stream(), Stream.of(export, dir.resolve("export.csv"))).toList()) {
            assertThat(Files.readString(written)).as(written.toString()).doesNotContain(token).doesNotContain(secretPart)
                    .doesNotContain(passwordPart);
        }
        assertThat(Files.readString(export)).as("the export says where a secret was").contains("****");
    }

    private static void run(Map<String, String> outputs, String... args) {
        CliRun run = CliRun.of(args);
        outputs.put(String.join(" ", args), "exit " + run.exitCode() + "\n" + run.out() + "\n" + run.err());
    }

    /** Everything written to the process's stdout and stderr meanwhile: where the library loggers write. */
    private static String capturingLogs(ThrowingRunnable work) throws Exception {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream both = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(both);
        System.setErr(both);
        try {
            work.run();
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    /** The token in a field of its own, in a URL, in free text and in the branch (a column of every table); the password in free text. */
    private Path plantedStore(String token, String password) {
        List<SessionRecord> records = new ArrayList<>();
        for (SessionRecord record : Fixtures.minskyRecords()) {
            if (record.key().equals("task#002")) {
                ObjectNode github = record.fields().objectNode().put("token", token);
                record = record.with("github", github)
                        .with("repoUrl", "https://bot:" + token + "@github.com/edobry/minsky.git")
                        .with("notes", "deploy with " + token + " and postgresql://admin:" + token + "@db/x")
                        .with("branch", "feature/" + token)
                        .with("deployNotes", "log in with password=" + password);
            }
            records.add(record);
        }
        Path file = dir.resolve("planted.json");
        StoreContents.create("json:" + file, records);
        return file;
    }

    /** A PostgreSQL role whose password is the token, owning a fresh schema. */
    private static String postgresRoleWithPassword(String token) {
        TestPostgres postgres = TestPostgres.get();
        String role = "tok_" + random(8).toLowerCase(Locale.ROOT);
        StoreLocator schema = postgres.freshSchema();
        postgres.execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + token + "'");
        postgres.execute("GRANT CREATE ON DATABASE \"" + postgres.database() + "\" TO " + role);
        String name = schema.param("schema").orElseThrow();
        return "postgresql://" + role + ":" + token + "@" + postgres.host() + ":" + postgres.port() + "/" + postgres.database() + "?schema=" + name;
    }

    private static List<Path> files(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    private static String random(int length) {
        SecureRandom random = new SecureRandom();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
