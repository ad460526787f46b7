import dev.sessiondb.model.SessionQuery;
import dev.sessiondb.store.ChangeWatch;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreFingerprint;
import dev.sessiondb.store.StoreLocator;

/**
 * What the window's check for another program's changes costs while that program writes: every 5 s, as the window asks, the
 * store's fingerprint (what the window compared before: its count and, for a SQLite file in WAL mode, a digest of every page)
 * and its change watch (what it asks now), each timed. Run a writer beside it, on a copy of a WAL-mode store:
 *   while :; do sqlite3 /tmp/copy.db "UPDATE sessions SET status = 'w' || abs(random() % 1000) WHERE id = 1 + abs(random() % 1000)"; sleep 1; done &
 *   java -cp target/sessiondb-admin.jar bench/WindowChangeCheckBench.java /tmp/copy.db [POLLS]
 * or on a PostgreSQL store, named by its locator:
 *   while :; do psql -c "UPDATE s.sessions SET status = 'w' || (random() * 1000)::int WHERE session_key = 'task-md#' || lpad((random() * 999999)::int::text, 6, '0')"; sleep 1; done &
 *   java -cp target/sessiondb-admin.jar bench/WindowChangeCheckBench.java 'postgresql://user@host/db?schema=s' [POLLS]
 */
public class WindowChangeCheckBench {

    public static void main(String[] args) throws Exception {
        int polls = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        try (SessionStore store = StoreFactory.open(StoreLocator.parse(args[0].contains("://") ? args[0] : "sqlite:" + args[0]), OpenMode.EXISTING)) {
            store.page(SessionQuery.all()); // as the window shows it, holding a connection
            long start = System.nanoTime();
            StoreFingerprint loaded = store.fingerprint();
            double fingerprintStart = seconds(start);
            start = System.nanoTime();
            ChangeWatch watch = store.watchChanges();
            System.out.printf("start: fingerprint %.3f s, watch %.3f s%n", fingerprintStart, seconds(start));
            for (int poll = 1; poll <= polls; poll++) {
                Thread.sleep(5000);
                start = System.nanoTime();
                boolean byFingerprint = !store.fingerprint().equals(loaded);
                double fingerprint = seconds(start);
                start = System.nanoTime();
                boolean byWatch = watch.changed();
                System.out.printf("poll %d: fingerprint %.3f s (changed %s), watch %.6f s (changed %s)%n", poll, fingerprint, byFingerprint,
                        seconds(start), byWatch);
            }
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
