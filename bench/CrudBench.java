import dev.sessiondb.model.SessionQuery;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.WriteBatch;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * CRUD on a 10,000-session store per backend, in process (one JVM, the engine's public API),
 * then 16 concurrent clients doing mixed CRUD on PostgreSQL through the store's pool.
 * Run by bench/run.sh: java -cp sessiondb-admin.jar bench/CrudBench.java WORKDIR [POSTGRES-URL]
 * Prints one tab-separated line per figure: name, value, note.
 */
public class CrudBench {

    static final int STORE_SIZE = 10_000;
    static final int OPS = 200;

    public static void main(String[] args) throws Exception {
        String dir = args[0];
        List<String> stores = new ArrayList<>(List.of("json:" + dir + "/crud.json", "sqlite:" + dir + "/crud.db"));
        if (args.length > 1 && !args[1].isBlank()) {
            stores.add(args[1]);
        }
        List<SessionRecord> records = new ArrayList<>();
        SampleSessions.minsky(STORE_SIZE + OPS, 7).forEachRemaining(records::add);
        for (String locator : stores) {
            try (SessionStore store = StoreFactory.open(locator, OpenMode.CREATE_IF_MISSING)) {
                store.write(WriteBatch.replaceAll(records.subList(0, STORE_SIZE).iterator(), STORE_SIZE), ProgressMonitor.NONE);
                String backend = locator.substring(0, locator.indexOf(':'));
                Random random = new Random(1);
                report(backend + " get (10k store)", time(OPS, i -> store.get(records.get(random.nextInt(STORE_SIZE)).key())));
                report(backend + " put (10k store)", time(OPS, i -> store.put(records.get(STORE_SIZE + i))));
                report(backend + " delete (10k store)", time(OPS, i -> store.delete(records.get(STORE_SIZE + i).key())));
                report(backend + " list page of 50 (10k store)", time(OPS / 4, i -> store.page(SessionQuery.all().page((long) i * 50, 50))));
                if (locator.startsWith("postgres")) {
                    concurrent(store, records);
                }
            }
        }
    }

    /** 16 clients, each 100 mixed operations: 50% get, 30% put, 10% delete, 10% list. */
    static void concurrent(SessionStore store, List<SessionRecord> records) throws Exception {
        int clients = 16;
        int each = 100;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<List<Long>>> results = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int client = c;
            results.add(pool.submit(() -> {
                Random random = new Random(client);
                List<Long> latencies = new ArrayList<>();
                for (int i = 0; i < each; i++) {
                    SessionRecord record = records.get(random.nextInt(STORE_SIZE));
                    int dice = random.nextInt(10);
                    long t = System.nanoTime();
                    if (dice < 5) {
                        store.get(record.key());
                    } else if (dice < 8) {
                        store.put(record);
                    } else if (dice < 9) {
                        store.delete(record.key());
                    } else {
                        store.page(SessionQuery.all().page(random.nextInt(STORE_SIZE - 50), 50));
                    }
                    latencies.add(System.nanoTime() - t);
                }
                return latencies;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> result : results) {
            all.addAll(result.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        Collections.sort(all);
        System.out.printf("postgresql 16 clients mixed CRUD\t%.0f ops/s, p95 %.1f ms\tpool: HikariCP max 4 connections per store, 1,600 ops (50%% get, 30%% put, 10%% delete, 10%% list)%n",
                all.size() / seconds, all.get((int) (all.size() * 0.95)) / 1e6);
    }

    interface Op {
        void run(int i) throws Exception;
    }

    /** Returns the per-operation latencies in nanoseconds, sorted. */
    static List<Long> time(int count, Op op) throws Exception {
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long t = System.nanoTime();
            op.run(i);
            latencies.add(System.nanoTime() - t);
        }
        Collections.sort(latencies);
        return latencies;
    }

    static void report(String figure, List<Long> latencies) {
        double mean = latencies.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6;
        System.out.printf("%s\t%.0f ops/s, p95 %.2f ms\t%d operations%n", figure, 1000 / mean,
                latencies.get((int) (latencies.size() * 0.95)) / 1e6, latencies.size());
    }
}
