package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `ls --format csv` never hands a spreadsheet a formula from the store (OWASP's CSV injection rule). */
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
}
