package dev.sessiondb.ui.stores;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.sql.PgCredentials;
import dev.sessiondb.ui.ScriptedDialogService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The app and the CLI log in with the same password for one URL and one environment. The CLI
 * opens with {@link PgCredentials#resolve}; the app completes the locator through
 * {@link Credentials} (no prompt answered here) and opens the result, which resolves again.
 */
class AppAndCliCredentialsTest {

    @TempDir
    Path home;

    @BeforeEach
    void passwordFiles() throws IOException {
        write(home.resolve(".pgpass"), String.join("\n",
                "\\:\\:1:5432:minsky:ana:v6-from-pgpass",
                "db.example:*:minsky:ana:from-pgpass",
                "*:*:*:bob:bob-from-pgpass", ""));
        write(home.resolve("named"), "*:*:*:ana:from-pgpassfile\n");
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("postgresql://ana@db.example/minsky", Map.of(), "from-pgpass"),
                Arguments.of("postgresql://ana@[::1]/minsky", Map.of(), "v6-from-pgpass"),
                Arguments.of("postgresql://ana@[::1]:5432/minsky", Map.of(), "v6-from-pgpass"),
                Arguments.of("postgresql:///minsky", Map.of("PGHOST", "::1", "PGUSER", "ana"), "v6-from-pgpass"),
                Arguments.of("postgresql://ana@db.example/minsky", Map.of("PGPASSFILE", "NAMED"), "from-pgpassfile"),
                Arguments.of("postgresql://ana@db.example/minsky", Map.of("PGPASSWORD", "from-env", "PGPASSFILE", "NAMED"), "from-env"),
                Arguments.of("postgresql://ana@[::1]/minsky", Map.of("PGPASSWORD", "from-env"), "from-env"),
                Arguments.of("postgresql://ana:in%3Aurl@[::1]/minsky", Map.of("PGPASSWORD", "from-env"), "in:url"),
                Arguments.of("postgresql://db.example/minsky", Map.of("PGUSER", "bob"), "bob-from-pgpass"));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("cases")
    void theAppAndTheCliResolveTheSamePassword(String url, Map<String, String> givenEnv, String expected) {
        Map<String, String> env = withNamedFile(givenEnv);
        StoreLocator locator = StoreLocator.parse(url + "?schema=s");

        PgCredentials cli = PgCredentials.resolve(locator, env, home);
        StoreLocator completedByTheApp = CompletedNow.of(new Credentials(home, env), locator, new ScriptedDialogService()).orElseThrow();
        PgCredentials app = PgCredentials.resolve(completedByTheApp, Map.of(), home.resolve("no-home"));

        assertThat(cli.password()).isEqualTo(expected);
        assertThat(app).isEqualTo(cli);
        assertThat(completedByTheApp.params()).isEqualTo(locator.params());
        assertThat(completedByTheApp.display()).doesNotContain(expected);
    }

    private Map<String, String> withNamedFile(Map<String, String> env) {
        return env.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                entry -> entry.getValue().equals("NAMED") ? home.resolve("named").toString() : entry.getValue()));
    }

    private static void write(Path file, String content) throws IOException {
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
}
