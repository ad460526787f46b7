package dev.sessiondb.store.jsondir;

import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.WriteBatch;
import java.nio.file.Path;
import java.util.stream.LongStream;

/**
 * Replaces a directory store's sessions and stops halfway through the batch, saying so on
 * stdout, so that a test can kill it with SIGKILL in the middle of a transaction.
 */
final class DirBatchWriter {

    static final String HALFWAY = "halfway";

    private DirBatchWriter() {
    }

    /** Arguments: the store directory and how many sessions the batch holds. */
    public static void main(String[] args) {
        int count = Integer.parseInt(args[1]);
        ProgressMonitor pauseHalfway = new ProgressMonitor() {
            @Override
            public void progress(long done, long total) {
                if (done == count / 2) {
                    System.out.println(HALFWAY);
                    System.out.flush();
                    sleepUntilKilled();
                }
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
        try (SessionStore store = JsonDirStore.open(StoreLocator.of(StoreFormat.JSONDIR, Path.of(args[0])), OpenMode.EXISTING)) {
            store.write(WriteBatch.replaceAll(LongStream.range(1000, 1000 + count).mapToObj(SampleSessions::magellaiRecord).iterator(), count),
                    pauseHalfway);
        }
    }

    private static void sleepUntilKilled() {
        try {
            Thread.sleep(120_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
