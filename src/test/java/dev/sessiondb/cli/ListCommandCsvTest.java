package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `ls --format csv` never hands a spreadsheet a formula from the store (OWASP's CSV injection rule), nor a value it would convert. */
class ListCommandCsvTest {

    @TempDir
    Path dir;

    @Test
    void cellsAStoreWroteAsFormulasAreWrittenAsText() throws Exception {
        Path store = Files.writeString(dir.resolve("session-db.json"), """
                [{"session": "=HYPERLINK(\\"http://x\\")", "taskId": "-5", "repoName": "+cmd|' /C calc'!A0", "branch": "@SUM(1,2)",
                  "status": "\\tTODO", "createdAt": "\\r=1+1"},
                 {"session": "plain, with a comma", "taskId": "#079", "repoName": "a \\"quoted\\" repo", "branch": "",
                  "status": "DONE", "createdAt": "2024-04-29T15:23:00.000Z"}]
                """);

        CliRun run = CliRun.of("ls", store.toString(), "--format", "csv");

        assertThat(run.exitCode()).isZero();
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().build().parse(new StringReader(run.out())).getRecords();
        assertThat(rows.get(0).values()).containsExactly("'=HYPERLINK(\"http://x\")", "'-5", "'+cmd|' /C calc'!A0", "'@SUM(1,2)", "'\tTODO", "'\r=1+1");
        // the rest is commons-csv's quoting, read back as it was
        assertThat(rows.get(1).values()).containsExactly("plain, with a comma", "#079", "a \"quoted\" repo", "", "DONE", "2024-04-29T15:23:00.000Z");
        assertThat(run.out()).contains("\"'=HYPERLINK(\"\"http://x\"\")\"");
    }

    /**
     * An audit: task id 004 was written bare and a spreadsheet showed 4 (quoting it changes nothing: LibreOffice Calc and
     * Excel convert a quoted cell too). Each value a spreadsheet would convert is marked as text, and one that starts
     * with the mark gets another, so removing one leading quote from each cell gives every value back.
     */
    @Test
    void valuesASpreadsheetWouldConvertAreWrittenAsTextAndReadBackByRemovingOneMark() throws Exception {
        List<String> converted = List.of("004", "1234567890123456789", "2025-01-02", "1e5", "12:30", "1/2", "(5)", "1 1/2", "50%",
                "$1,000.50", "TRUE", "false", "12");
        List<String> kept = List.of("#079", "md#079", "2024-04-29T15:23:00.000Z", "v1.2", "feature/1", "e", "");
        List<String> values = new ArrayList<>(converted);
        values.addAll(kept);
        values.addAll(List.of("'quoted", "''twice"));
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            json.append(i == 0 ? "" : ",").append("{\"session\": \"s").append(100 + i).append("\", \"taskId\": \"").append(values.get(i)).append("\"}");
        }
        Path store = Files.writeString(dir.resolve("session-db.json"), json.append("]").toString());

        CliRun run = CliRun.of("ls", store.toString(), "--format", "csv", "--limit", "100");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> taskIds = CSVFormat.DEFAULT.builder().setHeader().build().parse(new StringReader(run.out())).getRecords().stream()
                .map(row -> row.get("taskId")).toList();
        assertThat(taskIds.subList(0, converted.size())).isEqualTo(converted.stream().map(value -> "'" + value).toList());
        assertThat(taskIds.subList(converted.size(), converted.size() + kept.size())).isEqualTo(kept);
        assertThat(taskIds.subList(values.size() - 2, values.size())).containsExactly("''quoted", "'''twice");
        assertThat(taskIds.stream().map(cell -> cell.startsWith("'") ? cell.substring(1) : cell).toList()).isEqualTo(values);
    }
}
