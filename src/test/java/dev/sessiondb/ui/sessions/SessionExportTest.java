package dev.sessiondb.ui.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.Fixtures;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.LoneSurrogates;
import dev.sessiondb.model.SessionQuery;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLocator;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's export of a table, as the command line's listing: half of a surrogate pair is written as its escape, not as '?'. */
class SessionExportTest {

    @TempDir
    Path dir;

    private BackupJournal journal() {
        return new BackupJournal(dir.resolve("journal"));
    }

    @Test
    void anExportWritesHalfOfASurrogatePairAsItsEscape() throws Exception {
        Path fixture = Fixtures.copy(Fixtures.LONE_SURROGATES, dir);
        Path json = dir.resolve("export.json");
        Path csv = dir.resolve("export.csv");

        try (SessionStore store = StoreFactory.open(StoreLocator.parse("json:" + fixture), OpenMode.EXISTING)) {
            SessionExport.write(store, SessionQuery.all(), SessionExport.Format.JSON, json, journal(), ProgressMonitor.NONE);
            SessionExport.write(store, SessionQuery.all(), SessionExport.Format.CSV, csv, journal(), ProgressMonitor.NONE);
        }

        assertThat(JsonCodec.parse(Files.readString(json))).isEqualTo(JsonCodec.parse(Files.readString(fixture)));
        assertThat(Files.readString(csv)).contains("cut\\ud83d", "launch-\\ud83d").doesNotContain("?");
        assertThat(LoneSurrogates.first(Files.readString(json))).isEqualTo(-1);
    }

    @Test
    void aCsvExportWritesAFormulaAsText() throws Exception {
        Path store = Files.writeString(dir.resolve("session-db.json"), """
                [{"session": "=HYPERLINK(\\"http://x\\")", "taskId": "-5", "repoName": "ok"}]
                """);
        Path csv = dir.resolve("export.csv");

        try (SessionStore opened = StoreFactory.open(StoreLocator.parse("json:" + store), OpenMode.EXISTING)) {
            SessionExport.write(opened, SessionQuery.all(), SessionExport.Format.CSV, csv, journal(), ProgressMonitor.NONE);
        }

        assertThat(Files.readAllLines(csv).get(1)).startsWith("\"'=HYPERLINK(\"\"http://x\"\")\",'-5,ok,");
    }
}
