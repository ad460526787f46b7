package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jline.utils.WCWidth;

/** The ls table's columns line up as a terminal draws them, whatever script a name is written in. */
class RecordPrinterTest {

    @TempDir
    Path dir;

    @Test
    void cellsArePaddedAndCutByTheColumnsTheyTakeNotByTheirLength() {
        assertThat(RecordPrinter.fitted("名前", 6)).isEqualTo("名前  ");
        assertThat(RecordPrinter.fitted("cafe\u0301", 6)).isEqualTo("cafe\u0301  ");
        assertThat(RecordPrinter.fitted("名前名前", 6)).isEqualTo("名前… ");
        assertThat(RecordPrinter.fitted("abcdefgh", 6)).isEqualTo("abcde…");
    }

    /** An audit: the row of 'unicode-名前-émoji-🚀' was shifted right by its wide characters. */
    @Test
    void everyRowOfALsTableStartsItsSecondColumnAtTheHeadersColumn() throws Exception {
        Path store = Files.writeString(dir.resolve("wide.json"), "[{\"session\":\"unicode-名前-e\u0301moji-🚀\",\"taskId\":\"md#1\",\"repoName\":\"r\"},"
                + "{\"session\":\"plain\",\"taskId\":\"md#2\",\"repoName\":\"r\"}]");

        CliRun run = CliRun.of("ls", "json:" + store);

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> rows = run.out().lines().filter(line -> !line.endsWith("sessions")).toList();
        assertThat(rows).hasSize(3);
        int taskColumn = columnsBefore(rows.get(0), "TASK ID");
        assertThat(rows.subList(1, 3)).allSatisfy(row -> assertThat(columnsBefore(row, "md#")).isEqualTo(taskColumn));
    }

    private static int columnsBefore(String row, String text) {
        return row.substring(0, row.indexOf(text)).codePoints().map(codePoint -> Math.max(0, WCWidth.wcwidth(codePoint))).sum();
    }
}
