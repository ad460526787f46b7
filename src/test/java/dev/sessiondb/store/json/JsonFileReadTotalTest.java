package dev.sessiondb.store.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.job.StoreContents;
import dev.sessiondb.progress.ReadTotal;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.RecordCursor;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreLocator;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An audit: a job copying a JSON file in one pass showed a bar of "?" records, as the file's count is known only once it
 * is read. Its copying read estimates the count from the records in the bytes read of the file's size, and knows it at its end.
 */
class JsonFileReadTotalTest {

    private static final int RECORDS = 20_000;

    @TempDir
    Path dir;

    @Test
    void theCountIsEstimatedFromTheBytesReadThenExactOnceTheFileIsReadThrough() {
        StoreLocator locator = StoreContents.create("json:" + dir.resolve("s.json"), SampleSessions.minskyList(RECORDS, 5));
        try (SessionStore store = JsonFileStore.openToReadThrough(locator); RecordCursor cursor = store.cursorForCopying()) {
            for (int i = 0; i < RECORDS / 2; i++) {
                cursor.next();
            }
            ReadTotal halfWay = cursor.readTotal();
            assertThat(halfWay.exact()).isFalse();
            // the parser reads ahead of the records it returned by a buffer, a few records of 20,000
            assertThat(halfWay.count()).isBetween(RECORDS * 9L / 10, RECORDS * 11L / 10);

            cursor.forEachRemaining(record -> { });

            assertThat(cursor.readTotal()).isEqualTo(new ReadTotal(RECORDS, true));
        }
    }

    @Test
    void nothingReadYetIsNoEstimate() {
        StoreLocator locator = StoreContents.create("json:" + dir.resolve("s.json"), SampleSessions.minskyList(10, 5));
        try (SessionStore store = JsonFileStore.openToReadThrough(locator); RecordCursor cursor = store.cursorForCopying()) {
            assertThat(cursor.readTotal()).isEqualTo(ReadTotal.UNKNOWN);
        }
    }
}
