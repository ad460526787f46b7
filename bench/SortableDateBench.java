import dev.sessiondb.model.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The sortable text a native store keeps for each record's two dates ({@link Timestamp#sortable}),
 * against {@link DateTimeFormatter} printing the same fixed-width form as the baseline, in one
 * JVM over the same 600,000 dates (seeded, 2023-2025, whole milliseconds). Run it with each jar
 * to compare two versions:
 *   java -XX:+UseSerialGC -cp sessiondb-admin.jar bench/SortableDateBench.java
 * Prints per round both times per date and their ratio, then the best round's.
 */
public class SortableDateBench {

    static final int DATES = 600_000;
    static final int ROUNDS = 12;
    static final DateTimeFormatter FIXED_WIDTH = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    public static void main(String[] args) {
        Random random = new Random(9);
        List<Timestamp> dates = new ArrayList<>(DATES);
        for (int i = 0; i < DATES; i++) {
            dates.add(Timestamp.parse(Instant.ofEpochSecond(1_672_531_200L + random.nextInt(94_608_000), random.nextInt(1000) * 1_000_000L).toString()));
        }
        double best = Double.MAX_VALUE;
        String bestLine = "";
        for (int round = 1; round <= ROUNDS; round++) {
            long start = System.nanoTime();
            long characters = 0;
            for (Timestamp date : dates) {
                characters += date.sortable().orElseThrow().length();
            }
            long ours = System.nanoTime();
            for (Timestamp date : dates) {
                characters += FIXED_WIDTH.format(date.instant()).length();
            }
            long formatted = System.nanoTime();
            double oursNs = (ours - start) / (double) DATES;
            double formatterNs = (formatted - ours) / (double) DATES;
            String line = String.format("sortable() %.0f ns a date, DateTimeFormatter %.0f ns: %.2fx (%d characters)",
                    oursNs, formatterNs, oursNs / formatterNs, characters);
            System.out.println("round " + round + ": " + line);
            if (oursNs < best) {
                best = oursNs;
                bestLine = line;
            }
        }
        System.out.println("best round: " + bestLine);
    }
}
