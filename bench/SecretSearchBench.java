import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.model.SecretMasker;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.RecordCursor;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLocator;
import java.util.ArrayList;
import java.util.List;

/**
 * The search for secrets that validate's secret check runs on every record
 * ({@link SecretMasker#secretPaths}), against a bare walk over the same records' values as the
 * baseline, in one JVM: each round times both over the same trees, held in memory before the
 * first. Run it with each jar to compare two versions of the search:
 *   java -XX:+UseSerialGC -cp sessiondb-admin.jar bench/SecretSearchBench.java STORE [RECORDS]
 * (STORE: sqlite:FILE, json:FILE or postgresql://...; RECORDS: how many of its first, 200,000 unless given).
 * Prints per round the search's and the walk's time per record and their ratio, then the best round's.
 */
public class SecretSearchBench {

    static final int ROUNDS = 12;

    public static void main(String[] args) throws Exception {
        List<ObjectNode> records = read(StoreLocator.parse(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 200_000);
        double best = Double.MAX_VALUE;
        String bestLine = "";
        for (int round = 1; round <= ROUNDS; round++) {
            long start = System.nanoTime();
            long found = 0;
            for (ObjectNode record : records) {
                found += SecretMasker.secretPaths(record).size();
            }
            long searched = System.nanoTime();
            long characters = 0;
            for (ObjectNode record : records) {
                characters += walk(record);
            }
            long walked = System.nanoTime();
            double searchNs = (searched - start) / (double) records.size();
            double walkNs = (walked - searched) / (double) records.size();
            String line = String.format("secretPaths %.0f ns a record, a bare walk of its values %.0f ns: %.2fx (%d secrets, %d characters)",
                    searchNs, walkNs, searchNs / walkNs, found, characters);
            System.out.println("round " + round + ": " + line);
            if (searchNs < best) {
                best = searchNs;
                bestLine = line;
            }
        }
        System.out.println("best round: " + bestLine);
    }

    private static List<ObjectNode> read(StoreLocator locator, int limit) {
        List<ObjectNode> records = new ArrayList<>();
        try (SessionStore store = StoreFactory.open(locator, OpenMode.EXISTING); RecordCursor cursor = store.cursor()) {
            while (cursor.hasNext() && records.size() < limit) {
                records.add(cursor.next().fields());
            }
        }
        return records;
    }

    /** Visits every value as the search does, reading each text, and checks nothing. */
    private static long walk(JsonNode node) {
        long characters = 0;
        if (node.isContainerNode()) {
            for (JsonNode child : node) {
                characters += walk(child);
            }
        } else if (node.isTextual()) {
            characters += node.asText().length();
        }
        return characters;
    }
}
