package dev.sessiondb.store.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreLocator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Corrupt input is an error naming file, position and cause, never an empty store, and never touched. */
class JsonFileBadInputTest {

    @TempDir
    Path dir;

    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of("not JSON", "hello world", "not valid JSON at line 1, column 7 (Unrecognized word: was expecting"),
                Arguments.of("truncated JSON", "[\n  {\"session\": \"a\"},\n  {\"session\": \"b\"", "not valid JSON at line 3, column 18 (the file ends "
                        + "before its JSON is complete; it was probably cut off while being written); the file was not changed"),
                Arguments.of("a bad value deep in the file", "[\n  {\"session\": \"a\"},\n  {\"session\": \"b\",\n   \"repoName\": }\n]",
                        ": record 2 (line 3): not valid JSON at line 4, column 16, in or after field 'repoName' (Unexpected character"),
                Arguments.of("a bad value in a nested array", "[{\"session\": \"a\", \"messages\": [\"hi\", nope]}]",
                        ": record 1 (line 1): not valid JSON at line 1, column 43, in or after field 'messages' (Unrecognized word"),
                Arguments.of("a bad value under a name that is a token", "[{\"session\": \"a\", \"ghp_abcdefghijklmnopqrstuvwxyz0123456789\": x}]",
                        ", in or after field '****6789' (Unrecognized word"),
                Arguments.of("a Minsky file cut off", "{\"sessions\": [{\"session\": \"a\", \"repoName\": \"x\"", "(the file ends before its JSON is complete"),
                Arguments.of("a top-level scalar", "42", "the top level is a number, not an array of sessions"),
                Arguments.of("a record that is not an object", "[\n  {\"session\": \"a\"},\n  \"b\"\n]",
                        "record 2 is a string, not a session object at line 3, column 3"),
                Arguments.of("a record without a session", "[\n  {\"session\": \"a\"},\n  {\"repoName\": \"local/minsky\"}\n]",
                        "record 2 has no 'session' field (nor 'sessionId' or 'id'); add the session name at line 3, column 3"),
                Arguments.of("a record with an empty session", "[\n  {\"session\": \"a\"},\n  {\"session\": \"\"}\n]",
                        ": record 2 (line 3): 'session' is empty; give the session a name; the file was not changed"),
                Arguments.of("two records with one key", "[\n  {\"session\": \"a\"},\n  {\"session\": \"b\"},\n  {\"session\": \"a\"}\n]",
                        "session 'a' appears twice, in record 1 (line 2, column 3) and in record 3 (line 4, column 3)"),
                Arguments.of("an empty file", "", "the file is empty, not a list of sessions; if the store should hold no sessions, write [] into it"),
                Arguments.of("an object without sessions", "{\n  \"baseDir\": \"/x\"\n}", "this object has no \"sessions\" array"),
                Arguments.of("one session, not in an array", "{\n  \"session\": \"a\",\n  \"repoName\": \"r\"\n}",
                        "the top level is one session object, not an array of sessions; put [ before it and ] after it to make a store of"
                                + " that one session at line 1, column 1"),
                Arguments.of("one session a line (JSON Lines)", "{\"session\": \"a\"}\n{\"session\": \"b\"}\n",
                        "the file holds one session object after another (JSON Lines), not an array of sessions; put them in one array:"
                                + " [ before the first, a comma after each but the last, ] after the last at line 1, column 1"),
                Arguments.of("sessions that are not an array", "{\"sessions\": {}}", "\"sessions\" is an object, not an array"),
                Arguments.of("content after the array", "[]\n[]", "found an array after the end of the sessions at line 2, column 1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void aBadFileIsAnErrorNamingFileAndPositionAndIsNotChanged(String problem, String content, String expected) throws IOException {
        Path file = dir.resolve("session-db.json");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        byte[] before = Files.readAllBytes(file);

        for (OpenMode mode : OpenMode.values()) {
            StoreException error = catchThrowableOfType(StoreException.class,
                    () -> StoreFactory.open(StoreLocator.of(StoreFormat.JSON, file), mode));
            assertThat(error).as(problem).isNotNull();
            assertThat(error.getMessage()).as(problem)
                    .startsWith(file.toString())
                    .contains(expected)
                    .endsWith("the file was not changed; fix it or restore a backup")
                    .doesNotContain("\n")
                    .doesNotContain("start marker", "Source:");
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(dir.resolve("session-db.json.lock")).doesNotExist();
        assertThat(dir.resolve(".session-db.json.lock")).doesNotExist();
    }

    /**
     * A value written without quotes is quoted by Jackson in its message, and may be a password: the message and every cause
     * the log prints name only where it is (an audit found {@code "password": hunter2plain} on stderr and three times in the log).
     */
    @Test
    void anUnquotedValueIsNotQuotedInTheErrorNorInItsCause() throws IOException {
        Path file = dir.resolve("session-db.json");
        Files.writeString(file, "[{\"session\":\"x\",\"repoName\":\"r\",\"password\": hunter2plain}]", StandardCharsets.UTF_8);

        StoreException error = catchThrowableOfType(StoreException.class,
                () -> StoreFactory.open(StoreLocator.of(StoreFormat.JSON, file), OpenMode.EXISTING).close());

        assertThat(error.getMessage()).contains("not valid JSON at line 1, column ").contains("(Unrecognized word: was expecting");
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            StringWriter trace = new StringWriter();
            cause.printStackTrace(new PrintWriter(trace));
            assertThat(trace.toString()).as(cause.getClass().getName()).doesNotContain("hunter2plain");
        }
    }

    /** Jackson's tree keeps the last of two same-named fields: a migration would make that loss permanent. */
    @Test
    void aFieldNamedTwiceInARecordIsAnErrorNamingItWhenTheRecordIsRead() throws IOException {
        Path file = dir.resolve("session-db.json");
        Files.writeString(file, "[\n  {\"session\": \"a\", \"pullRequest\": {\"state\": \"open\", \"state\": \"merged\"}}\n]", StandardCharsets.UTF_8);
        byte[] before = Files.readAllBytes(file);

        try (var store = StoreFactory.open(StoreLocator.of(StoreFormat.JSON, file), OpenMode.EXISTING)) {
            StoreException error = catchThrowableOfType(StoreException.class, () -> store.cursor().forEachRemaining(record -> { }));
            assertThat(error.getMessage()).isEqualTo(file + ": record 1 (line 2): field 'state' appears twice in one object at line 2, column 62 (JSON tools keep"
                    + " only the last value, so nothing reads the first; remove the one you do not want); the file was not changed; fix it or restore a backup");
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }
}
