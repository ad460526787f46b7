package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.model.CellEscapes;
import dev.sessiondb.model.JsonCodec;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bad-input audit: a session name's escape sequences set the terminal's title, and a repository name with a line break added a row. */
class TerminalTextTest {

    @TempDir
    Path dir;

    @Test
    void aTerminalSeesEscapesCarriageReturnsAndOverridesAsTextAndKeepsLinesTabsAndEveryScript() {
        StringWriter shown = new StringWriter();
        try (PrintWriter out = new PrintWriter(TerminalText.around(shown))) {
            out.print("x\u001b]0;pwned\u0007 red\u001b[31m\rover\u009b \u202eevil\tcol ok ✓ 日本 \ud83d\ude80\n");
        }

        assertThat(shown.toString()).isEqualTo("x\\u001b]0;pwned\\u0007 red\\u001b[31m\\rover\\u009b \\u202eevil\tcol ok ✓ 日本 \ud83d\ude80\n");
    }

    @Test
    void aCellsTextReadsBackFromWhatTheCellShows() {
        String name = "cut\ud83d x\u001b[31m\nrow\t";

        assertThat(CellEscapes.read(TerminalText.cell(name))).isEqualTo(name);
        assertThat(CellEscapes.read("plain, \\ not an escape")).isEqualTo("plain, \\ not an escape");
    }

    @Test
    void aListingsCellsCannotAddRowsOrColourTheTable() throws Exception {
        Path store = dir.resolve("ansi.json");
        Files.writeString(store, JsonCodec.pretty(JsonCodec.parse("[{\"session\": \"x\\u001b[31mRED\", \"repoName\": \"r\\nfake-row\","
                + " \"repoUrl\": \"u\", \"createdAt\": \"2025-05-16T22:16:33.321Z\", \"branch\": \"\\u001b]0;pwned\\u0007\"}]")));

        CliRun listed = CliRun.of("ls", "json:" + store);

        assertThat(listed.exitCode()).as(listed.err()).isZero();
        assertThat(listed.out()).doesNotContain("\u001b", "\u0007").contains("x\\u001b[31mRED", "r\\nfake-row", "\\u001b]0;pwned\\u0007");
        assertThat(listed.out().lines()).hasSize(3);
        Path other = Files.writeString(dir.resolve("other.json"), "[]");
        CliRun diffed = CliRun.of("diff", "json:" + store, "json:" + other);
        assertThat(diffed.out()).doesNotContain("\u001b").contains("  x\\u001b[31mRED");
    }

    @Test
    void aCellShowsHalfASurrogatePairAsItsEscapeAndAWholePairAsItIs() {
        assertThat(TerminalText.cell("cut \ud83d, whole \ud83d\ude80, low \ude80")).isEqualTo("cut \\ud83d, whole \ud83d\ude80, low \\ude80");
    }

    @Test
    void aCellShowsCharactersThatShowAsNothingOrAsASpaceAsTheirEscapesAndReadsThemBack() {
        String name = "a\u200bb\u00a0c\ufeffd caf\u00e9";

        assertThat(TerminalText.cell(name)).isEqualTo("a\\u200bb\\u00a0c\\ufeffd caf\u00e9");
        assertThat(CellEscapes.read(TerminalText.cell(name))).isEqualTo(name);
    }

    @Test
    void aCellKeepsTheJoinersThatShapeWordsAndEmoji() {
        String persian = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645";
        String family = "\ud83d\udc68\u200d\ud83d\udc69\u200d\ud83d\udc67";

        assertThat(TerminalText.cell(persian)).isEqualTo(persian);
        assertThat(TerminalText.cell(family)).isEqualTo(family);
    }
}
