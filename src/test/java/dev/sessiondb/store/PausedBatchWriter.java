package dev.sessiondb.store;

import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.sample.SampleSessions;

/**
 * Replaces a store's sessions and stops halfway through the batch, saying so on stdout, so
 * that a test can kill it with SIGKILL in the middle of a write.
 */
public final class PausedBatchWriter {

    public static final String HALFWAY = "halfway";

    private PausedBatchWriter() {
    }

    /** Arguments: the store locator and how many sessions the batch holds. */
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
        try (SessionStore store = StoreFactory.open(args[0], OpenMode.EXISTING)) {
            store.write(WriteBatch.replaceAll(SampleSessions.minsky(count, 5), count), pauseHalfway);
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
