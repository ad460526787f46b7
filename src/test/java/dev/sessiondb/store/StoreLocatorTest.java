package dev.sessiondb.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessiondb.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StoreLocatorTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(textBlock = """
            json:/tmp/a.json,                                   JSON,       /tmp/a.json
            sqlite:/tmp/s.db,                                   SQLITE,     /tmp/s.db
            jsondir:/tmp/sessions,                              JSONDIR,    /tmp/sessions
            postgresql://u:p@db.local:5433/minsky,              POSTGRESQL, postgresql://u:p@db.local:5433/minsky
            postgres://u@localhost/minsky,                      POSTGRESQL, postgresql://u@localhost/minsky
            jdbc:postgresql://localhost/minsky?schema=agents,   POSTGRESQL, postgresql://localhost/minsky
            """)
    void parsesEveryLocatorForm(String text, StoreFormat format, String target) {
        StoreLocator locator = StoreLocator.parse(text);
        assertThat(locator.format()).isEqualTo(format);
        assertThat(locator.target()).isEqualTo(target);
    }

    /**
     * An audit piped a store in: {@code /dev/stdin} read as "not a session store, neither JSON nor SQLite by its first bytes",
     * {@code json:/dev/stdin} as "cannot resolve the path", {@code -} as "no such file or directory".
     */
    @ParameterizedTest
    @CsvSource({"'', pipe", "json:, pipe", "sqlite:, pipe"})
    void aPipeIsRefusedAsAStoreWithWhatToDoInstead(String scheme, String name) throws Exception {
        Path pipe = dir.resolve(name);
        assertThat(new ProcessBuilder("mkfifo", pipe.toString()).inheritIO().start().waitFor()).isZero();

        assertThatThrownBy(() -> StoreLocator.parse(scheme + pipe)).isInstanceOf(StoreException.class).hasMessage(pipe
                + " is a pipe or a device, not a file; a store must be a file: save it first, e.g. cat ... > s.json, and give s.json");
    }

    @Test
    void standardInputIsRefusedAsAStoreWithWhatToDoInstead() {
        assertThatThrownBy(() -> StoreLocator.parse("-")).isInstanceOf(StoreException.class).hasMessage(
                "-: sessiondb does not read a store from standard input; a store must be a file: save it first, e.g. cat ... > s.json, and give s.json");
    }

    /** A URL is shown as typed, yet names the same store as its provider's spelling, in which it is saved. */
    @Test
    void aPostgresUrlIsShownAsTypedAndSavedInOneSpelling() {
        StoreLocator typed = StoreLocator.parse("postgres://u:s3cret@h/db?schema=s");

        assertThat(typed.display()).isEqualTo("postgres://u:****@h/db?schema=s");
        assertThat(typed).isEqualTo(StoreLocator.parse("postgresql://u:s3cret@h/db?schema=s"));
        assertThat(typed.withoutPassword().display()).isEqualTo("postgresql://u@h/db?schema=s");
        assertThat(StoreLocator.parse("postgres://u@h/db?layout=chat").withoutParam("layout").display())
                .as("a job opens its target without the layout asked for, and names it as typed").isEqualTo("postgres://u@h/db");
    }

    @Test
    void readsLayoutAndSchemaParameters() {
        StoreLocator locator = StoreLocator.parse("postgres://u@h/db?schema=agents&layout=minsky");
        assertThat(locator.param("schema")).contains("agents");
        assertThat(locator.layoutOverride()).contains(StoreLayout.MINSKY);
    }

    /** An audit: the History's Stores column read "audit42_db" for five schemas of one database. */
    @Test
    void aServerStoresShortNameHoldsItsSchema() {
        assertThat(StoreLocator.parse("postgresql://u:secret@h:5432/team?schema=wiz4").shortName()).isEqualTo("team.wiz4");
        assertThat(StoreLocator.parse("postgresql://u@h/team").shortName()).isEqualTo("team");
        assertThat(StoreLocator.parse("sqlite:/tmp/a/s.db").shortName()).isEqualTo("s.db");
    }

    /** An audit: a Docker Compose service's host name ({@code my_db}) was refused as "not a valid PostgreSQL URL (no host name)". */
    @Test
    void takesAHostNameHoldingAnUnderscore() {
        StoreLocator locator = StoreLocator.parse("postgresql://admin:s3cr3t@my_db_1:5432/minsky");

        assertThat(locator.format()).isEqualTo(StoreFormat.POSTGRESQL);
        assertThat(locator.display()).isEqualTo("postgresql://admin:****@my_db_1:5432/minsky");
        assertThatThrownBy(() -> StoreLocator.parse("postgresql://u_1:pa/ss99@127.0.0.1:1/db")).isInstanceOf(StoreException.class)
                .hasMessageNotContaining("pa/ss");
    }

    @Test
    void neverShowsThePassword() {
        StoreLocator locator = StoreLocator.parse("postgresql://admin:s3cr3t@db:5432/minsky?schema=x");
        assertThat(locator.display()).isEqualTo("postgresql://admin:****@db:5432/minsky?schema=x");
        assertThat(locator.toString()).doesNotContain("s3cr3t");
    }

    /**
     * A password holding a '/' or a '?' (not percent-encoded) is refused with the whole password masked: the '?' starts no
     * query (an audit found "parameter 'ss96@127.0.0.1:1/db' has no value" and the '/' form printed whole).
     */
    @Test
    void refusesAPasswordWithASlashOrAQuestionMarkWithoutShowingIt() {
        for (String password : List.of("pa/ss99", "p?ss96", "p?ss96/x")) {
            String url = "postgresql://u:" + password + "@127.0.0.1:1/db";
            assertThatThrownBy(() -> StoreLocator.parse(url)).as(password).isInstanceOf(StoreException.class)
                    .hasMessageStartingWith("postgresql://u:****@127.0.0.1:1/db: not a valid PostgreSQL URL")
                    .satisfies(error -> assertThat(error.getMessage()).doesNotContain(password.substring(1, 5)));
        }
    }

    /**
     * An audit: "postgresql://u:rw:p@ss/w?rd@host/db" printed "u:****@ss/w?rd@..." and tried the host "ss". libpq takes the
     * first '@' as the host's start, so the locator is refused, the password masked up to the last '@'.
     */
    @Test
    void refusesAPasswordHoldingAnAtWithoutShowingAnyOfIt() {
        for (String password : List.of("rw:p@ss/w?rd", "p@ssword", "a@b@c")) {
            String url = "postgresql://audit_rw:" + password + "@127.0.0.1:55434/db?schema=team";
            assertThatThrownBy(() -> StoreLocator.parse(url)).as(password).isInstanceOf(StoreException.class)
                    .hasMessage("postgresql://audit_rw:****@127.0.0.1:55434/db: the password holds an '@', so where the host starts is"
                            + " unclear; percent-encode the password (%40 for @, %2F for /, %3F for ?) or put it in PGPASSWORD or ~/.pgpass");
        }
        assertThat(StoreLocator.parse("postgresql://audit_rw:rw%3Ap%40ss%2Fw%3Frd@127.0.0.1:55434/db?schema=team").param("schema")).contains("team");
    }

    @Test
    void anUnknownKindIsRefusedWithoutShowingItsPassword() {
        assertThatThrownBy(() -> StoreLocator.parse("mysql://root:hunter2long@db/x")).isInstanceOf(StoreException.class)
                .hasMessageStartingWith("mysql://root:****@db/x: unknown store kind 'mysql'");
    }

    /** A secret given as another parameter (the SSL key's {@code sslpassword}) is masked and not kept either. */
    @Test
    void neverShowsNorKeepsAnSslPassword() {
        StoreLocator locator = StoreLocator.parse("postgresql://admin@db:5432/minsky?sslpassword=keyphrase9&schema=x");

        assertThat(locator.display()).isEqualTo("postgresql://admin@db:5432/minsky?schema=x&sslpassword=****");
        assertThat(locator.withoutPassword().display()).isEqualTo("postgresql://admin@db:5432/minsky?schema=x");
    }

    @Test
    void neverShowsNorKeepsAPasswordGivenAsAParameter() {
        StoreLocator locator = StoreLocator.parse("postgresql://admin@db:5432/minsky?password=hunter2longpassword&schema=x");

        assertThat(locator.display()).isEqualTo("postgresql://admin@db:5432/minsky?password=****&schema=x").doesNotContain("hunter2");
        assertThat(locator.withoutPassword().display()).isEqualTo("postgresql://admin@db:5432/minsky?schema=x");
    }

    @Test
    void recognisesBarePathsByContent() throws Exception {
        Path json = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);
        Path sqlite = dir.resolve("sessions.bin");
        Files.write(sqlite, "SQLite format 3\0rest".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(StoreLocator.parse(json.toString()).format()).isEqualTo(StoreFormat.JSON);
        assertThat(StoreLocator.parse(sqlite.toString()).format()).isEqualTo(StoreFormat.SQLITE);
        assertThat(StoreLocator.parse(dir.toString()).format()).isEqualTo(StoreFormat.JSONDIR);
        assertThat(StoreLocator.parse(dir.resolve("new.db").toString()).format()).isEqualTo(StoreFormat.SQLITE);
    }

    @Test
    void explainsAFileThatIsNeitherJsonNorSqlite() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.txt"), "hello");
        assertThatThrownBy(() -> StoreLocator.parse(text.toString())).isInstanceOf(StoreException.class)
                .hasMessageContaining("notes.txt").hasMessageContaining("neither JSON nor SQLite");
    }

    @Test
    void explainsAMissingPath() {
        assertThatThrownBy(() -> StoreLocator.parse(dir.resolve("missing").toString())).isInstanceOf(StoreException.class)
                .hasMessageContaining("no such file or directory");
    }
}
