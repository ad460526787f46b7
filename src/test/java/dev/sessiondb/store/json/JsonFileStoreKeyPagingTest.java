package dev.sessiondb.store.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.model.Page;
import dev.sessiondb.model.SessionQuery;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.model.SortKey;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.WriteBatch;
import dev.sessiondb.store.file.PageScan;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pages in key order come from the key/offset index: the same records a full scan gives, also after writes and outside edits. */
class JsonFileStoreKeyPagingTest {

    @TempDir
    Path tempDir;

    @Test
    void keyOrderPagesAnywhereInTheFileEqualAFullScan() {
        List<SessionRecord> shuffled = new ArrayList<>(SampleSessions.minskyList(500, 11));
        Collections.shuffle(shuffled, new Random(3));
        try (SessionStore store = StoreFactory.open("json:" + tempDir.resolve("s.json"), OpenMode.CREATE_IF_MISSING)) {
            store.write(WriteBatch.replaceAll(shuffled.iterator(), shuffled.size()), ProgressMonitor.NONE);
            for (SessionQuery query : List.of(SessionQuery.all().page(0, 20), SessionQuery.all().page(250, 20),
                    SessionQuery.all().page(490, 20), SessionQuery.all().page(600, 20),
                    SessionQuery.all().sortedBy(SortKey.SESSION, true).page(100, 7),
                    SessionQuery.all().after(shuffled.get(0).key()).page(0, 30))) {
                assertThat(keys(store.page(query))).isEqualTo(keys(scanned(shuffled, query)));
                assertThat(store.page(query).totalMatching()).isEqualTo(scanned(shuffled, query).totalMatching());
            }
        }
    }

    @Test
    void aFileChangedByAnotherProgramIsIndexedAgain() throws Exception {
        Path file = tempDir.resolve("edited.json");
        try (SessionStore store = StoreFactory.open("json:" + file, OpenMode.CREATE_IF_MISSING)) {
            store.write(WriteBatch.replaceAll(SampleSessions.minsky(50, 2), 50), ProgressMonitor.NONE);
            assertThat(store.page(SessionQuery.all().page(0, 1)).records()).hasSize(1);

            Files.writeString(file, "[{\"session\": \"zz-only\", \"branch\": \"b\"}, {\"session\": \"aa-first\"}]", StandardCharsets.UTF_8);
            Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + 5000));

            Page page = store.page(SessionQuery.all().page(0, 10));
            assertThat(keys(page)).containsExactly("aa-first", "zz-only");
            assertThat(page.totalMatching()).isEqualTo(2);
        }
    }

    private static Page scanned(List<SessionRecord> records, SessionQuery query) {
        PageScan scan = new PageScan(query);
        records.forEach(scan::offer);
        return scan.page();
    }

    private static List<String> keys(Page page) {
        return page.records().stream().map(SessionRecord::key).toList();
    }
}
