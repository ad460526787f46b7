import dev.sessiondb.model.SessionQuery;
import dev.sessiondb.model.SortKey;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLocator;
import java.util.Arrays;

/**
 * Pages of 50 sorted by createdAt, newest first, without their count ({@link SessionStore#pageRecords}: the window's pages as the
 * user scrolls, {@code ls --sort createdAt --limit 50}), in one JVM, after one page to warm up. A chat server's store:
 *   java -cp sessiondb-admin.jar bench/DatePageBench.java sqlite:target/bench/chat/server.db
 * Prints per round the median and 95th percentile of the pages' times.
 */
public class DatePageBench {

    static final int PAGES = 40;
    static final int ROUNDS = 3;

    public static void main(String[] args) {
        try (SessionStore store = StoreFactory.open(StoreLocator.parse(args[0]), OpenMode.EXISTING)) {
            store.pageRecords(SessionQuery.all().sortedBy(SortKey.CREATED_AT, true).page(0, 50));
            for (int round = 0; round < ROUNDS; round++) {
                long[] nanos = new long[PAGES];
                for (int i = 0; i < PAGES; i++) {
                    SessionQuery query = SessionQuery.all().sortedBy(SortKey.CREATED_AT, true).page((long) i * 50, 50);
                    long start = System.nanoTime();
                    store.pageRecords(query);
                    nanos[i] = System.nanoTime() - start;
                }
                System.out.printf("round %d: %d pages by date, median %.2f ms, p95 %.2f ms%n", round + 1, PAGES, percentile(nanos, 50),
                        percentile(nanos, 95));
            }
        }
    }

    static double percentile(long[] nanos, int percent) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, sorted.length * percent / 100)] / 1e6;
    }
}
