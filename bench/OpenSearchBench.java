import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import dev.sessiondb.app.LogFiles;
import dev.sessiondb.model.SessionQuery;
import dev.sessiondb.model.SortKey;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreLocator;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Issue #9's in-process figures for one store: open it and show the first page, for a JSON
 * store also a page half way through and a bare Jackson parse of the file as the baseline, and
 * search p50/p95 where `sessiondb ls --search` answers with a page (the SQL stores). Timed
 * around the engine's public API, without the JVM start-up that bench/run.sh's whole-process
 * figures include. The store is opened read-only (OpenMode.EXISTING).
 * Run by bench/run.sh, one JVM per store so that the first open is the first in a fresh JVM:
 *   java -cp sessiondb-admin.jar bench/OpenSearchBench.java STORE QUERY...
 * (STORE: sqlite:FILE, json:FILE or postgresql://...; the QUERYs: bench/run.sh's search set).
 * Prints one tab-separated line per figure: name, value, note (with the target and whether it is met).
 */
public class OpenSearchBench {

    static final int PAGE_SIZE = 50;
    static final int FURTHER_OPENS = 5;
    static final int SEARCH_ROUNDS = 5;
    static final double PAGE_TARGET_MS = 300;
    static final double JSON_OPEN_TARGET_RATIO = 1.5;
    static final double SEARCH_P95_TARGET_MS = 50;
    static final Map<StoreFormat, String> KIND_NAMES = Map.of(
            StoreFormat.SQLITE, "SQLite", StoreFormat.POSTGRESQL, "PostgreSQL", StoreFormat.JSON, "JSON");

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: java -cp sessiondb-admin.jar bench/OpenSearchBench.java STORE QUERY...");
            System.exit(2);
        }
        StoreLocator locator = StoreLocator.parse(args[0]);
        List<String> queries = List.of(args).subList(1, args.length);
        String kind = KIND_NAMES.getOrDefault(locator.format(), locator.format().toString());
        boolean json = locator.format() == StoreFormat.JSON;
        if (json) {
            // both the store's first open and the bare parse then read the file from the page cache
            readThrough(Path.of(locator.target()));
        }

        // as the app's start does before any store opens (dev.sessiondb.Main): logging's set-up is
        // the JVM start's share, which bench/run.sh's whole-process figures hold, not the open's
        LogFiles.prepare(Path.of("inproc-logs"));
        LoggerFactory.getLogger(OpenSearchBench.class).info("in-process figures for {}", locator.display());
        List<Double> opens = new ArrayList<>();
        List<Double> laterPages = new ArrayList<>();
        List<Double> parses = new ArrayList<>();
        List<Double> counts = new ArrayList<>();
        for (int run = 0; run <= FURTHER_OPENS; run++) {
            long start = System.nanoTime();
            try (SessionStore store = StoreFactory.open(locator, OpenMode.EXISTING)) {
                // ls prints the page without the count of every session: the count is its own figure
                store.pageRecords(firstPageSortedBySession());
                opens.add(millisSince(start));
                long countStart = System.nanoTime();
                long total = store.count();
                counts.add(millisSince(countStart));
                if (json) {
                    SessionQuery halfWay = firstPageSortedBySession().page(total / 2, PAGE_SIZE);
                    long pageStart = System.nanoTime();
                    store.page(halfWay);
                    laterPages.add(millisSince(pageStart));
                }
            }
            if (json) {
                // interleaved with the opens, so that both see the same machine
                long parseStart = System.nanoTime();
                parseBare(Path.of(locator.target()));
                parses.add(millisSince(parseStart));
            }
        }

        String openFigure = "in process: open + first page of 50, " + kind;
        String openNote = "`ls --sort session --limit 50` through the public API; ";
        double firstOpen = opens.get(0);
        double furtherOpens = median(opens.subList(1, opens.size()));
        if (json) {
            double parse = median(parses);
            report(openFigure + ", first open in a fresh JVM", ratioValue(firstOpen, parse), openNote + ratioTarget(firstOpen / parse));
            report(openFigure + ", median of " + FURTHER_OPENS + " further opens", ratioValue(furtherOpens, parse),
                    openNote + ratioTarget(furtherOpens / parse));
            String pageFigure = "in process: page of 50 at offset N/2 after open, JSON";
            String pageNote = "`ls --sort session --limit 50 --offset N/2` on the open store; ";
            report(pageFigure + ", first open in a fresh JVM", millis(laterPages.get(0)), pageNote + millisTarget(laterPages.get(0)));
            double furtherPages = median(laterPages.subList(1, laterPages.size()));
            report(pageFigure + ", median of " + FURTHER_OPENS + " further opens", millis(furtherPages), pageNote + millisTarget(furtherPages));
            report("in process: bare Jackson streaming parse, JSON, median of " + parses.size(), millis(parse),
                    "JsonParser.nextToken over the whole file: the baseline of the JSON open");
        } else {
            report(openFigure + ", first open in a fresh JVM", millis(firstOpen), openNote + millisTarget(firstOpen));
            report(openFigure + ", median of " + FURTHER_OPENS + " further opens", millis(furtherOpens), openNote + millisTarget(furtherOpens));
        }
        report("in process: count of every session after the first page, " + kind + ", first open / median of further opens",
                millis(counts.get(0)) + " / " + millis(median(counts.subList(1, counts.size()))),
                "what the desktop's count line and `sessiondb info` ask for, and `ls` does not; no target of its own");

        try (SessionStore store = StoreFactory.open(locator, OpenMode.EXISTING)) {
            // ls answers a limited search with a page only on a store read in key order; on a JSON
            // store it scans the file in its own order, which has no target and is not measured
            if (store.cursorInKeyOrder()) {
                search(store, kind, queries);
            }
        }
    }

    /** What `sessiondb ls STORE --sort session --limit 50` asks the store for. */
    static SessionQuery firstPageSortedBySession() {
        return new SessionQuery("", List.of(), SortKey.SESSION, false, null, 0, PAGE_SIZE);
    }

    /** Each query as `sessiondb ls STORE --search Q --limit 50` runs it, after one untimed round of the whole list. */
    static void search(SessionStore store, String kind, List<String> queries) {
        for (String query : queries) {
            store.pageRecords(searchFor(query));
        }
        List<Double> latencies = new ArrayList<>();
        for (int round = 0; round < SEARCH_ROUNDS; round++) {
            for (String query : queries) {
                long start = System.nanoTime();
                store.pageRecords(searchFor(query));
                latencies.add(millisSince(start));
            }
        }
        double p95 = percentile(latencies, 0.95);
        report("in process: search p50 / p95, " + kind + ", " + queries.size() + " queries",
                String.format("%.1f / %.1f ms", percentile(latencies, 0.5), p95),
                String.format("`ls --search Q --limit 50` on the open store, %d rounds of the query list after one warm-up round (excluded); "
                        + "target p95 <= %.0f ms: %s", SEARCH_ROUNDS, SEARCH_P95_TARGET_MS, met(p95 <= SEARCH_P95_TARGET_MS)));
    }

    static SessionQuery searchFor(String text) {
        return new SessionQuery(text, List.of(), SortKey.SESSION, false, null, 0, PAGE_SIZE);
    }

    static void readThrough(Path file) throws Exception {
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            while (in.read(buffer) >= 0) {
                // only the read matters
            }
        }
    }

    /** Every token of the file and nothing else: the least any JSON open can do. */
    static void parseBare(Path file) throws Exception {
        try (JsonParser parser = new JsonFactory().createParser(file.toFile())) {
            while (parser.nextToken() != null) {
                // only the tokenising matters
            }
        }
    }

    static double millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    /** Nearest rank, as bench/run.sh's whole-process search percentiles. */
    static double percentile(List<Double> values, double p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get((int) Math.round((sorted.size() - 1) * p));
    }

    static double median(List<Double> values) {
        return percentile(values, 0.5);
    }

    static String millis(double ms) {
        return String.format("%.0f ms", ms);
    }

    static String ratioValue(double ms, double baselineMs) {
        return String.format("%.2f s, %.2fx the bare parse", ms / 1000, ms / baselineMs);
    }

    static String millisTarget(double ms) {
        return String.format("target <= %.0f ms: %s", PAGE_TARGET_MS, met(ms <= PAGE_TARGET_MS));
    }

    static String ratioTarget(double ratio) {
        return String.format("target <= %.1fx a bare Jackson streaming parse (median): %s", JSON_OPEN_TARGET_RATIO, met(ratio <= JSON_OPEN_TARGET_RATIO));
    }

    static String met(boolean met) {
        return met ? "yes" : "no";
    }

    static void report(String figure, String value, String note) {
        System.out.println(figure + "\t" + value + "\t" + note);
    }
}
