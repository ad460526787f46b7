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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

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
        try {
            run(args);
        } catch (ClientFailed failed) {
            System.err.println("crud bench: " + failed.getMessage() + "; the other clients were stopped");
            failed.getCause().printStackTrace();
            System.exit(1);
        }
    }

    static void run(String[] args) throws Exception {
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

    /**
     * 16 clients, each 100 mixed operations: 50% get, 30% put, 10% delete, 10% list. The first client to fail stops the
     * run: the others are interrupted and waited for, and its failure is thrown naming the client and the operation.
     */
    static void concurrent(SessionStore store, List<SessionRecord> records) throws Exception {
        int clients = 16;
        int each = 100;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        ExecutorCompletionService<List<Long>> finished = new ExecutorCompletionService<>(pool);
        AtomicBoolean stopped = new AtomicBoolean();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int client = c;
            finished.submit(() -> mixedCrud(store, records, client, each, stopped));
        }
        List<Long> all = new ArrayList<>();
        try {
            for (int c = 0; c < clients; c++) {
                all.addAll(finished.take().get());
            }
        } catch (ExecutionException failed) {
            stopped.set(true);
            throw failed.getCause() instanceof Exception cause ? cause : failed;
        } finally {
            // a failed run must not leave the other clients working on a store about to close, nor keep the JVM alive
            pool.shutdownNow();
            if (!pool.awaitTermination(60, TimeUnit.SECONDS)) {
                System.err.println("crud bench: clients still running 60 s after the run stopped");
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Collections.sort(all);
        System.out.printf("postgresql 16 clients mixed CRUD\t%.0f ops/s, p95 %.1f ms\tpool: HikariCP max 4 connections per store, 1,600 ops (50%% get, 30%% put, 10%% delete, 10%% list)%n",
                all.size() / seconds, all.get((int) (all.size() * 0.95)) / 1e6);
    }

    /** One client's operations and their latencies in nanoseconds; stops early once {@code stopped} is set by another's failure. */
    static List<Long> mixedCrud(SessionStore store, List<SessionRecord> records, int client, int each, AtomicBoolean stopped) throws ClientFailed {
        Random random = new Random(client);
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < each && !stopped.get() && !Thread.currentThread().isInterrupted(); i++) {
            SessionRecord record = records.get(random.nextInt(STORE_SIZE));
            int dice = random.nextInt(10);
            String operation = dice < 5 ? "get" : dice < 8 ? "put" : dice < 9 ? "delete" : "list";
            long t = System.nanoTime();
            try {
                switch (operation) {
                    case "get" -> store.get(record.key());
                    case "put" -> store.put(record);
                    case "delete" -> store.delete(record.key());
                    default -> store.page(SessionQuery.all().page(random.nextInt(STORE_SIZE - 50), 50));
                }
            } catch (RuntimeException e) {
                throw new ClientFailed("client " + client + " failed at its operation " + (i + 1) + " of " + each + ", " + operation
                        + (operation.equals("list") ? "" : " of session '" + record.key() + "'") + ": " + e, e);
            }
            latencies.add(System.nanoTime() - t);
        }
        return latencies;
    }

    /** A concurrent client's failure, naming the client and the operation. */
    static final class ClientFailed extends Exception {
        ClientFailed(String message, Throwable cause) {
            super(message, cause);
        }
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
