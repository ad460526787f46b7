package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code sample} says of what it cannot take. */
class SampleCommandTest {

    @TempDir
    Path dir;

    /** Picocli's own words, "'abc' is not a long", named a Java type where the user gives a seed or a count. */
    @Test
    void aNumberOptionGivenWhatIsNoWholeNumberSaysSo() {
        Path store = dir.resolve("x.json");

        CliRun seed = CliRun.of("sample", store.toString(), "--seed", "abc");
        CliRun count = CliRun.of("sample", store.toString(), "--count", "99999999999999999999");
        CliRun limit = CliRun.of("history", "--limit", "ten", "--backup-dir", dir.resolve("journal").toString());

        assertThat(seed.exitCode()).isEqualTo(SessionDbCommand.BAD_INPUT);
        assertThat(seed.err().lines()).containsExactly("sessiondb sample: Invalid value for option '--seed': 'abc' is not a whole number;"
                + " give one such as 42 (see sessiondb sample --help)");
        assertThat(count.err().lines()).containsExactly("sessiondb sample: Invalid value for option '--count': '99999999999999999999' is out of"
                + " range for this option (see sessiondb sample --help)");
        assertThat(limit.err().lines()).containsExactly("sessiondb history: Invalid value for option '--limit': 'ten' is not a whole number;"
                + " give one such as 42 (see sessiondb history --help)");
        assertThat(store).doesNotExist();
    }

    /** An empty notes.txt got the read's advice, "the file was not changed; fix it or restore a backup", not what sample writes into. */
    /** magellai's sessions had no sample: a trial of the window or a job on its folder store needed sessions made by hand. */
    @Test
    void magellaiSessionsFillAFolderAsMagellaiKeepsThem() {
        Path folder = dir.resolve("magellai");

        CliRun filled = CliRun.of("sample", "jsondir:" + folder, "--kind", "magellai", "--count", "4");
        CliRun unknown = CliRun.of("sample", dir.resolve("x.json").toString(), "--kind", "slack");

        assertThat(filled.exitCode()).isZero();
        assertThat(filled.out()).startsWith("4 magellai sessions written to jsondir:" + folder);
        assertThat(folder.toFile().list((in, name) -> name.endsWith(".json"))).hasSize(4);
        assertThat(CliRun.of("info", "jsondir:" + folder).out()).contains("magellai");
        assertThat(unknown.exitCode()).isEqualTo(SessionDbCommand.BAD_INPUT);
        assertThat(unknown.err()).contains("unknown kind 'slack'; use minsky, chat or magellai");
    }

    @Test
    void anEmptyFileIsRefusedSayingWhatSampleFillsAndHowToFillIt() throws Exception {
        Path notes = Files.createFile(dir.resolve("notes.txt"));

        CliRun refused = CliRun.of("sample", notes.toString());

        assertThat(refused.exitCode()).isEqualTo(SessionDbCommand.BAD_INPUT);
        assertThat(refused.err().lines()).containsExactly("sessiondb: json:" + notes + ": the file is empty, not a store; sample writes a new store,"
                + " or fills one that holds no sessions, and did not change the file; name a new file, or write [] into this one to fill it");
        assertThat(notes).isEmptyFile();

        Files.writeString(notes, "[]");
        CliRun filled = CliRun.of("sample", notes.toString(), "--count", "3");
        assertThat(filled.exitCode()).as(filled.err()).isZero();
        assertThat(filled.out()).isEqualTo("3 minsky sessions written to json:" + notes + "%n".formatted());
    }

    /**
     * A file of notes named as the store to fill got the read's advice: "name its format before the path" for the bare path,
     * then "fix it or restore a backup" with json:, as if the notes were a broken store. Each names the file and says to name
     * a new one; the notes stay as they were.
     */
    @Test
    void aFileThatIsNoStoreIsRefusedSayingToNameANewFile() throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "shopping list\nmilk\n");
        Path notesJson = Files.writeString(dir.resolve("notes.json"), "shopping list\nmilk\n");

        CliRun bare = CliRun.of("sample", notes.toString(), "--count", "3");
        CliRun asJson = CliRun.of("sample", "json:" + notes, "--count", "3");
        CliRun byItsName = CliRun.of("sample", notesJson.toString(), "--count", "3");
        CliRun asSqlite = CliRun.of("sample", "sqlite:" + notes, "--count", "3");

        String refusal = ": not a session store (neither JSON nor SQLite by its first bytes); sample writes a new store, or fills one"
                + " that holds no sessions, and did not change the file; name a new file";
        assertThat(bare.err().lines()).containsExactly("sessiondb: " + notes + refusal);
        assertThat(asJson.err().lines()).containsExactly("sessiondb: json:" + notes + refusal);
        assertThat(byItsName.err().lines()).containsExactly("sessiondb: json:" + notesJson + refusal);
        assertThat(asSqlite.err().lines()).containsExactly("sessiondb: sqlite:" + notes + refusal);
        for (CliRun refused : new CliRun[] {bare, asJson, byItsName, asSqlite}) {
            assertThat(refused.exitCode()).isEqualTo(SessionDbCommand.BAD_INPUT);
            assertThat(refused.out()).isEmpty();
        }
        assertThat(notes).hasContent("shopping list\nmilk\n");
        assertThat(notesJson).hasContent("shopping list\nmilk\n");
        assertThat(dir.toFile().list()).containsExactlyInAnyOrder("notes.txt", "notes.json");
    }

    /** jsondir: naming a folder of notes wrote a thousand session files among them without a word; the folder stays as it was. */
    @Test
    void aFolderHoldingOtherFilesIsRefusedNamingOneOfThem() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("notes"));
        Files.writeString(folder.resolve("readme.txt"), "mine\n");
        Files.writeString(folder.resolve("todo.md"), "mine too\n");

        CliRun refused = CliRun.of("sample", "jsondir:" + folder, "--count", "3");

        assertThat(refused.exitCode()).isEqualTo(SessionDbCommand.BAD_INPUT);
        assertThat(refused.err().lines()).containsExactly("sessiondb: jsondir:" + folder + ": the folder holds readme.txt, which is no session file;"
                + " sample writes a new store, or fills one that holds no sessions, and did not change the folder; name a new or empty folder");
        assertThat(folder.toFile().list()).containsExactlyInAnyOrder("readme.txt", "todo.md");

        Path empty = Files.createDirectory(dir.resolve("empty"));
        Files.writeString(empty.resolve(".DS_Store"), "a file manager's, not a user's");
        CliRun filled = CliRun.of("sample", "jsondir:" + empty, "--count", "3");
        assertThat(filled.exitCode()).as(filled.err()).isZero();
        CliRun again = CliRun.of("sample", "jsondir:" + empty, "--count", "3");
        assertThat(again.err()).contains("already holds 3 sessions");
    }
}
