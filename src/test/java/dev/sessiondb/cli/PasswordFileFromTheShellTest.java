package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.Fixtures;
import dev.sessiondb.JavaProcess;
import dev.sessiondb.store.sql.TestPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The password file as a user's shell gives it, in a process of its own: an audit found a {@code PGPASSFILE} others may read
 * used silently (the driver read it itself), and {@code ~/.pgpass} looked for in the account's home rather than {@code $HOME}.
 */
class PasswordFileFromTheShellTest {

    @TempDir
    Path dir;

    @Test
    void aPasswordFileOthersMayReadIsIgnoredWithAWarningAndTheErrorSaysWhy() throws Exception {
        Path file = passwordFile(dir.resolve("loose-pgpass"), "rw-r--r--");

        Run run = sessiondb(Map.of("PGPASSFILE", file.toString()), "info", passwordUserUrl());

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err())
                .contains("sessiondb: warning: password file " + file + " has group or world access and is ignored;"
                        + " permissions should be u=rw (0600) or less: run chmod 0600 " + file)
                .contains("asks user " + TestPostgres.PASSWORD_USER + " for a password and none was given")
                .contains("; the password file " + file + " has group or world access and is ignored")
                .doesNotContain(TestPostgres.PASSWORD);
    }

    @Test
    void thePgpassAndTheAppsFoldersAreInHome() throws Exception {
        Path home = dir.resolve("home");
        passwordFile(home.resolve(".pgpass"), "rw-------");

        Run run = sessiondb(Map.of(), "migrate", Fixtures.copy(Fixtures.MINSKY_ARRAY, dir).toString(),
                passwordUserUrl() + "?schema=" + TestPostgres.get().freshSchema().param("schema").orElseThrow());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(home.resolve(".local/share/sessiondb-admin")).as("the journal, without XDG_DATA_HOME").isDirectory();
        assertThat(home.resolve(".local/state/sessiondb-admin/logs/sessiondb-admin.log")).as("the log, without XDG_STATE_HOME").isRegularFile();
    }

    private Path passwordFile(Path file, String permissions) throws IOException {
        TestPostgres postgres = TestPostgres.get();
        Files.createDirectories(file.getParent());
        Files.writeString(file, "*:" + postgres.port() + ":" + postgres.database() + ":" + TestPostgres.PASSWORD_USER + ":" + TestPostgres.PASSWORD + "\n");
        return Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
    }

    /** The shipped CLI with HOME in the test's folder, no XDG nor PG variables, and the given variables besides. */
    private Run sessiondb(Map<String, String> variables, String... args) throws Exception {
        ProcessBuilder builder = JavaProcess.ofApp(args).redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("PG") || name.startsWith("XDG_"));
        env.put("HOME", dir.resolve("home").toString());
        env.putAll(variables);
        int exitCode = builder.start().waitFor();
        return new Run(exitCode, Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    private static String passwordUserUrl() {
        TestPostgres postgres = TestPostgres.get();
        return "postgresql://" + TestPostgres.PASSWORD_USER + "@" + postgres.host() + ":" + postgres.port() + "/" + postgres.database();
    }

    private record Run(int exitCode, String err) {
    }
}
