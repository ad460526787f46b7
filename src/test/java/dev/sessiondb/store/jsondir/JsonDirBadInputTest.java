package dev.sessiondb.store.jsondir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreLocator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A bad session file makes the whole directory an error naming that file and position, and nothing is touched. */
class JsonDirBadInputTest {

    @TempDir
    Path dir;

    private Path sessionsWith(String badName, String badContent) throws IOException {
        Path sessions = Files.createDirectory(dir.resolve("sessions"));
        Files.writeString(sessions.resolve("good.json"), "{\n  \"id\": \"good\"\n}");
        Files.writeString(sessions.resolve(badName), badContent);
        return sessions;
    }

    private static StoreException openingFails(Path sessions) {
        return catchThrowableOfType(StoreException.class,
                () -> StoreFactory.open(StoreLocator.of(StoreFormat.JSONDIR, sessions), OpenMode.EXISTING));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not JSON            | {\\n  "id": nope\\n}          | not valid JSON at line 2, column 14
            truncated JSON      | {\\n  "id": "bad",\\n         | not valid JSON at line 3, column 1
            an array            | [\\n  {"id": "bad"}\\n]       | the top level is not a session object at line 1, column 1
            a number            | 42                           | the top level is not a session object at line 1, column 1
            a session without id| {\\n  "name": "x"\\n}         | the session has no 'id' field (nor 'session' or 'sessionId'); add the session id at line 1, column 1
            a numeric session   | {\\n  "session": 4\\n}        | the session's 'session' field is a number, not text; write the session name as a string at line 1, column 1
            an empty id         | {\\n  "id": ""\\n}          | the session's 'id' is empty; give the session an id at line 1, column 1
            an empty file       | ''                           | the file is empty, not a session object
            two objects         | {"id": "bad"}\\n{"id": "b"}  | unexpected content after the session object at line 2, column 1
            """)
    void aBadSessionFileIsAnErrorNamingItsPosition(String problem, String content, String expected) throws IOException {
        Path sessions = sessionsWith("bad.json", content.replace("\\n", "\n"));
        DirectorySnapshot before = DirectorySnapshot.of(sessions);

        StoreException error = openingFails(sessions);

        assertThat(error).as(problem).isNotNull();
        assertThat(error.getMessage()).as(problem).startsWith(sessions.resolve("bad.json").toString()).contains(expected)
                .endsWith("the file was not changed; fix it or restore a backup");
        assertThat(DirectorySnapshot.of(sessions)).isEqualTo(before);
    }

    @Test
    void twoFilesHoldingOneSessionAreAnErrorNamingBoth() throws IOException {
        Path sessions = sessionsWith("copy-of-good.json", "{\"id\": \"good\"}");
        DirectorySnapshot before = DirectorySnapshot.of(sessions);

        assertThat(openingFails(sessions).getMessage()).contains("session 'good' is in two files, ")
                .contains("good.json").contains("copy-of-good.json");
        assertThat(DirectorySnapshot.of(sessions)).isEqualTo(before);
    }
}
