package dev.sessiondb.store.json;

import dev.sessiondb.model.SessionQuery;
import dev.sessiondb.model.SortKey;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.RecordCursor;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.WriteBatch;
import java.nio.file.Path;

/**
 * Writes and reads a large JSON file store; run in a JVM with a heap far smaller than the
 * file to show that nothing holds the whole file. Prints what it saw, one fact a line.
 */
final class LargeFileWorkout {

    private LargeFileWorkout() {
    }

    /** Arguments: the store file and how many sessions. */
    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        try (SessionStore store = JsonFileStore.open(StoreLocator.of(StoreFormat.JSON, file), OpenMode.CREATE_IF_MISSING)) {
            store.write(WriteBatch.replaceAll(SampleSessions.minsky(count, 11), count), ProgressMonitor.NONE);
            System.out.println("count " + store.count());
            long streamed = 0;
            try (RecordCursor cursor = store.cursor()) {
                while (cursor.hasNext()) {
                    cursor.next();
                    streamed++;
                }
            }
            System.out.println("streamed " + streamed);
            SessionQuery newest = SessionQuery.all().sortedBy(SortKey.CREATED_AT, true).page(0, 3);
            System.out.println("newest " + store.page(newest).records().get(0).key());
            store.put(SampleSessions.minskyRecord(0, 11).with("branch", "changed"));
            System.out.println("changed " + store.get(SampleSessions.minskyRecord(0, 11).key()).orElseThrow().branch().orElseThrow());
            System.out.println("after put " + store.count());
            store.write(WriteBatch.upsert(SampleSessions.minsky(count, 12), count), ProgressMonitor.NONE);
            boolean replaced = store.get(SampleSessions.minskyRecord(count - 1, 12).key()).orElseThrow()
                    .equals(SampleSessions.minskyRecord(count - 1, 12));
            System.out.println("merged " + store.count() + " replaced " + replaced);
        }
    }
}
