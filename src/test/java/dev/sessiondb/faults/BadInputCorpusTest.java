package dev.sessiondb.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.Fixtures;
import dev.sessiondb.cli.CliRun;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.WriteBatch;
import dev.sessiondb.store.sql.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input to every command: each case exits 2 with one line that names the store (or option)
 * and the cause, prints no stack trace, and changes no byte of any store.
 */
class BadInputCorpusTest {

    /**
     * name | command line ({S} the stores folder, {FX} the real fixture, {B} a copy of it elsewhere,
     * {DB} a SQLite store holding other sessions, {RO} the fixture on a read-only mount, {J} a backup
     * folder, {PG} a PostgreSQL schema that does not exist) | what the message must say.
     */
    private static final String CORPUS = """
            info, unknown store kind          | info nosuch:{S}/x                                   | unknown store kind 'nosuch'
            info, missing JSON file           | info json:{S}/none.json                             | no such file
            info, PostgreSQL refused          | info postgresql://localhost:1/db                    | cannot reach PostgreSQL at localhost:1
            info, malformed PostgreSQL URL    | info postgresql://[bad                              | not a valid PostgreSQL URL
            info, text file named .db         | info sqlite:{S}/notdb.db                            | not a SQLite database
            info, parameter without value     | info json:{FX}?layout                               | parameter 'layout' has no value
            info, unknown option              | info --colour {FX}                                  | Unknown option: '--colour'
            info, missing PostgreSQL schema   | info {PG}                                           | schema
            ls, truncated JSON                | ls json:{S}/truncated.json                          | not valid JSON at line
            ls, BOM then truncated JSON       | ls json:{S}/bom-truncated.json                      | not valid JSON at line
            ls, session of the wrong type     | ls json:{S}/wrong-type.json                         | 'session' field is number, not text
            ls, record that is not an object  | ls json:{S}/not-an-object.json                      | not a session object
            ls, 200000-digit number           | ls json:{S}/long-number.json                        | record 1 (line 1): field 'x' holds a number longer than 100000 characters
            ls, 10000-deep nesting            | ls json:{S}/deep.json                               | record 1 (line 1): field 'x' is nested more than 1000 levels deep
            ls, negative limit                | ls --limit -1 {FX}                                  | --limit -1: give a number of sessions, 1 or more
            ls, limit not a number            | ls --limit many {FX}                                | '--limit'
            ls, negative offset               | ls --offset -3 {FX}                                 | --offset -3: give how many sessions to skip, 0 or more
            ls, unknown sort field            | ls --sort banana {FX}                               | --sort 'banana' is not a field ls sorts or filters by
            ls, filter without equals         | ls --filter nonsense {FX}                           | FIELD=VALUE
            ls, unknown format                | ls --format xml {FX}                                | '--format'
            ls, folder among jsondir files    | ls jsondir:{S}/dir-with-folder                      | broken.json: named like a session file but cannot be read
            ls, broken link in jsondir        | ls jsondir:{S}/dir-with-link                        | gone.json: named like a session file but cannot be read
            show, unknown session             | show {FX} no-such-session                           | no session 'no-such-session'
            show, unknown store kind          | show nosuch:{S}/x task#001                          | unknown store kind 'nosuch'
            diff, a store with itself         | diff {FX} {FX}                                      | are the same store
            diff, itself spelled differently  | diff {FX} json:{FX}                                 | are the same store
            diff, a session twice             | diff json:{S}/twice.json {FX}                      | session 'a' appears twice, in record 1
            diff, missing second store        | diff {FX} json:{S}/none.json                        | no such file
            diff, unknown format              | diff {FX} {B} --format xml                          | '--format'
            validate, unknown check           | validate --check nosuch {FX}                        | unknown check 'nosuch'
            validate, truncated JSON          | validate json:{S}/truncated.json                    | not valid JSON at line
            validate, 10000-deep nesting      | validate json:{S}/deep.json                         | field 'x' is nested more than 1000 levels deep
            validate, unreadable jsondir      | validate jsondir:{S}/dir-with-folder --check required-field | broken.json: named like a session file but cannot be read
            repair, missing store             | repair json:{S}/none.json --backup-dir {J}          | no such store
            repair, read-only store           | repair {RO} --backup-dir {J}                        | read-only file system
            repair, unknown check             | repair --check nosuch {FX} --backup-dir {J}         | unknown check 'nosuch'
            repair, truncated JSON            | repair json:{S}/truncated.json --backup-dir {J}     | not valid JSON at line
            migrate, into its own source      | migrate {FX} json:{FX} --backup-dir {J}             | is the source
            migrate, unknown target kind      | migrate {FX} nosuch:{S}/t.db --backup-dir {J}       | unknown store kind 'nosuch'
            migrate, unknown layout           | migrate {FX} sqlite:{S}/t.db --layout banana        | unknown layout 'banana'
            migrate, unknown mode             | migrate {FX} sqlite:{S}/t.db --mode bogus           | '--mode'
            migrate, target holds sessions    | migrate {FX} sqlite:{DB} --backup-dir {J}           | --mode
            migrate, missing source           | migrate json:{S}/none.json sqlite:{S}/t.db          | no such store
            migrate, truncated source         | migrate json:{S}/truncated.json sqlite:{S}/t.db --backup-dir {J} | not valid JSON at line
            migrate, a session twice          | migrate json:{S}/twice.json sqlite:{S}/t.db --backup-dir {J} | session 'a' appears twice, in record 1
            migrate, a session twice, to JSON | migrate json:{S}/twice.json json:{S}/t.json --backup-dir {J} | session 'a' appears twice, in record 1
            migrate, missing PostgreSQL source | migrate {PG} sqlite:{S}/t.db --backup-dir {J}      | schema
            migrate, one argument             | migrate {FX}                                        | Missing required parameter
            consolidate, into one source      | consolidate {FX} {B} --into {FX} --backup-dir {J}   | is also source 1
            consolidate, a source twice       | consolidate {FX} json:{FX} --into sqlite:{S}/c.db   | are the same store
            consolidate, unknown policy       | consolidate {FX} {B} --into sqlite:{S}/c.db --on-conflict bogus | '--on-conflict'
            consolidate, no target            | consolidate {FX} {B}                                | Missing required option: '--into=TARGET'
            consolidate, truncated source     | consolidate {FX} json:{S}/truncated.json --into sqlite:{S}/c.db --backup-dir {J} | not valid JSON at line
            consolidate, a session twice      | consolidate {FX} json:{S}/twice.json --into sqlite:{S}/c.db --backup-dir {J} | session 'a' appears twice, in record 1
            undo, unknown backup id           | undo no-such-backup --backup-dir {J}                | no backup 'no-such-backup'
            undo, nothing to undo             | undo --backup-dir {S}/no-journal                   | no backup left to restore
            discover, missing root            | discover --root {S}/nonexistent                     | --root
            sample, negative count            | sample --count -5 sqlite:{S}/s.db                   | --count -5
            sample, count not a number        | sample --count abc sqlite:{S}/s.db                  | '--count'
            sample, store holds sessions      | sample sqlite:{DB}                                  | already holds
            sample, unknown kind              | sample --kind banana sqlite:{S}/s.db                | unknown kind 'banana'
            upgrade, unknown store kind       | upgrade nosuch:{S}/x                                | unknown store kind 'nosuch'
            upgrade, unknown format           | upgrade --format xml {DB}                           | '--format'
            no such command                   | bogus {FX}                                          | Unmatched argument
            """;

    @TempDir
    static Path dir;

    private static Path stores;
    private static TmpfsMount readOnly;
    private static Map<String, String> placeholders;

    @BeforeAll
    static void writeTheBadFiles() throws IOException {
        stores = Files.createDirectories(dir.resolve("stores"));
        Path fixture = Fixtures.copy(Fixtures.MINSKY_ARRAY, stores);
        Path copy = Fixtures.copy(Fixtures.MINSKY_ARRAY, Files.createDirectories(stores.resolve("b")));
        byte[] fixtureBytes = Files.readAllBytes(fixture);
        byte[] truncated = Arrays.copyOf(fixtureBytes, 5000);
        Files.write(stores.resolve("truncated.json"), truncated);
        Files.write(stores.resolve("bom-truncated.json"), concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, truncated));
        Files.writeString(stores.resolve("wrong-type.json"), "[{\"session\": 5, \"taskId\": {\"a\": 1}, \"createdAt\": true}]");
        Files.writeString(stores.resolve("twice.json"), "[\n  {\"session\": \"a\"},\n  {\"session\": \"b\"},\n  {\"session\": \"a\"}\n]\n");
        Files.writeString(stores.resolve("not-an-object.json"), "[{\"session\": \"s1\"}, 42]");
        Files.writeString(stores.resolve("deep.json"), "[{\"session\": \"deep\", \"x\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}]");
        // a string of any length is valid and reads (JsonLimitsStoresTest); a number's digits are bounded
        Files.writeString(stores.resolve("long-number.json"), "[{\"session\": \"long\", \"x\": " + "7".repeat(200_000) + "}]");
        Files.writeString(stores.resolve("notdb.db"), "not a database\n");
        Path withFolder = Files.createDirectories(stores.resolve("dir-with-folder"));
        Files.writeString(withFolder.resolve("s1.json"), "{\"session\": \"s1\"}");
        Files.createDirectories(withFolder.resolve("broken.json"));
        Path withLink = Files.createDirectories(stores.resolve("dir-with-link"));
        Files.writeString(withLink.resolve("s1.json"), "{\"session\": \"s1\"}");
        Files.createSymbolicLink(withLink.resolve("gone.json"), dir.resolve("no-such-target.json"));
        Path other = stores.resolve("other.db");
        try (SessionStore store = StoreFactory.open("sqlite:" + other, OpenMode.CREATE_IF_MISSING)) {
            store.write(WriteBatch.replaceAll(SampleSessions.minsky(10, 5), 10), ProgressMonitor.NONE);
        }
        readOnly = TmpfsMount.of(stores.resolve("read-only"), 4096);
        Path onReadOnly = Fixtures.copy(Fixtures.MINSKY_ARRAY, readOnly.folder());
        readOnly.readOnly();
        placeholders = Map.of("{FX}", fixture.toString(), "{B}", copy.toString(), "{DB}", other.toString(),
                "{RO}", onReadOnly.toString(), "{J}", dir.resolve("journal").toString(), "{S}", stores.toString(),
                "{PG}", TestPostgres.get().freshSchema().display());
    }

    @AfterAll
    static void unmount() {
        readOnly.close();
    }

    static Stream<Arguments> corpus() {
        return CORPUS.lines().filter(line -> !line.isBlank()).map(line -> {
            String[] columns = line.split("\\|");
            return Arguments.of(columns[0].strip(), columns[1].strip(), columns[2].strip());
        });
    }

    @Test
    void theCorpusCoversEveryCommandWithAtLeastFortyCases() {
        assertThat(corpus().count()).isGreaterThanOrEqualTo(40);
        assertThat(corpus().map(arguments -> ((String) arguments.get()[1]).split(" ")[0]).distinct())
                .contains("info", "ls", "show", "diff", "validate", "repair", "migrate", "consolidate", "undo", "discover", "sample", "upgrade");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isRefusedInOneLineAndChangesNothing(String name, String commandLine, String cause) {
        String[] args = Arrays.stream(commandLine.split("\\s+")).map(BadInputCorpusTest::substitute).toArray(String[]::new);
        Map<String, String> before = FolderChecksums.of(stores);

        CliRun run = CliRun.of(args);

        String error = run.err().strip();
        assertThat(run.exitCode()).as("exit code of %s; printed %s", commandLine, error).isEqualTo(2);
        assertThat(error).as("one line").doesNotContain("\n").startsWith("sessiondb");
        assertThat(error).containsIgnoringCase(cause);
        assertThat(error).as("no stack trace or exception class").doesNotContain("\tat ", "Exception", "Caused by");
        assertThat(FolderChecksums.of(stores)).as("the stores after " + commandLine).isEqualTo(before);
    }

    private static String substitute(String argument) {
        String result = argument;
        for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
            result = result.replace(placeholder.getKey(), placeholder.getValue());
        }
        return result;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
