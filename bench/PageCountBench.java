import dev.sessiondb.model.SessionQuery;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLocator;
import java.util.Arrays;

/**
 * A store's page of 50 with the count of every match ({@link SessionStore#page}, what the CRUD
 * figure's "list" times) against the same page without it ({@link SessionStore#pageRecords}), at
 * the CRUD figure's offsets, in one JVM: where a page's time goes. Any store, e.g. a 10k one:
 *   java -XX:+UseSerialGC -cp sessiondb-admin.jar bench/PageCountBench.java postgresql://bench:bench@127.0.0.1:55434/crud10k
 * Prints per round the median and 95th percentile of each over 200 pages.
 */
public class PageCountBench {

    static final int PAGES = 200;
    static final int ROUNDS = 3;

    public static void main(String[] args) {
        try (SessionStore store = StoreFactory.open(StoreLocator.parse(args[0]), OpenMode.EXISTING)) {
            for (int round = 0; round < ROUNDS; round++) {
                long[] withCount = new long[PAGES];
                long[] withoutCount = new long[PAGES];
                for (int i = 0; i < PAGES; i++) {
                    SessionQuery query = SessionQuery.all().page((long) (i % 50) * 50, 50);
                    long start = System.nanoTime();
                    store.page(query);
                    withCount[i] = System.nanoTime() - start;
                    start = System.nanoTime();
                    store.pageRecords(query);
                    withoutCount[i] = System.nanoTime() - start;
                }
                System.out.printf("round %d: page with its count median %.2f ms, p95 %.2f ms; without it median %.2f ms, p95 %.2f ms%n",
                        round + 1, percentile(withCount, 50), percentile(withCount, 95), percentile(withoutCount, 50), percentile(withoutCount, 95));
            }
        }
    }

    static double percentile(long[] nanos, int percent) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, sorted.length * percent / 100)] / 1e6;
    }
}
