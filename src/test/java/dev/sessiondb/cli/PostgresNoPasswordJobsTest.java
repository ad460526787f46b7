package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.Fixtures;
import dev.sessiondb.store.sql.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An audit's migrate into a server that asks for a password, none given, said the connection "was lost" and to check the
 * server is up; info and diff said what it was. The jobs say it too.
 */
class PostgresNoPasswordJobsTest {

    private static final String ASKED = "asks user " + TestPostgres.PASSWORD_USER + " for a password and none was given";

    @TempDir
    Path dir;

    @Test
    void migrateIntoAServerAskingForAPasswordSaysNoneWasGiven() {
        CliRun run = CliRun.of("migrate", Fixtures.copy(Fixtures.MINSKY_ARRAY, dir).toString(), passwordUserUrl(),
                "--backup-dir", dir.resolve("journal").toString());

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains(ASKED).doesNotContain("was lost");
    }

    @Test
    void consolidateIntoAServerAskingForAPasswordSaysNoneWasGiven() throws IOException {
        Path first = Fixtures.copy(Fixtures.MINSKY_ARRAY, Files.createDirectory(dir.resolve("a")));
        Path second = Fixtures.copy(Fixtures.MINSKY_ARRAY, Files.createDirectory(dir.resolve("b")));

        CliRun run = CliRun.of("consolidate", first.toString(), second.toString(), "--into", passwordUserUrl(),
                "--backup-dir", dir.resolve("journal").toString());

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains(ASKED).doesNotContain("was lost");
    }

    private static String passwordUserUrl() {
        TestPostgres postgres = TestPostgres.get();
        return "postgresql://" + TestPostgres.PASSWORD_USER + "@" + postgres.host() + ":" + postgres.port() + "/" + postgres.database();
    }
}
