import dev.sessiondb.diff.LongTextDifference;
import dev.sessiondb.diff.TextChanges;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * What finding the places of a long changed value costs ({@link TextChanges#of}, ADR 0032), against the one span it
 * falls back to ({@link LongTextDifference#of}) as the baseline, in one JVM over the same texts of WORDS words: one
 * with every other word changed (past the edit bound, so told apart by one span), one rewritten whole, and one edited
 * in three places. Run it with a jar:
 *   java -XX:+UseSerialGC -cp sessiondb-admin.jar bench/TextChangesBench.java 2400
 * Prints per round each case's time and its ratio to the one span's, then the best round's.
 */
public class TextChangesBench {

    static final int ROUNDS = 8;

    public static void main(String[] args) {
        int words = args.length > 0 ? Integer.parseInt(args[0]) : 2_400;
        String a = text(words, i -> "a" + i);
        String[][] cases = {
                {"every other word changed", text(words, i -> i % 2 == 0 ? "a" + i : "b" + i)},
                {"rewritten whole", text(words, i -> "c" + i)},
                {"three places edited", text(words, i -> i == words / 4 || i == words / 2 || i == 3 * words / 4 ? "z" + i : "a" + i)},
        };
        double[] best = new double[cases.length];
        Arrays.fill(best, Double.MAX_VALUE);
        for (int round = 0; round < ROUNDS; round++) {
            StringBuilder line = new StringBuilder("round " + round + ":");
            for (int i = 0; i < cases.length; i++) {
                String b = cases[i][1];
                long start = System.nanoTime();
                Optional<TextChanges> places = TextChanges.of(a, b);
                long found = System.nanoTime();
                String span = LongTextDifference.of(a, b).describe();
                long spanned = System.nanoTime();
                double ratio = (found - start) / (double) Math.max(1, spanned - found);
                best[i] = Math.min(best[i], ratio);
                line.append(String.format(" %s %s %.1f ms (one span %.2f ms, %.0fx, %d chars);", cases[i][0],
                        places.map(changes -> changes.places().size() + " places").orElse("one span"), (found - start) / 1e6,
                        (spanned - found) / 1e6, ratio, span.length()));
            }
            System.out.println(line);
        }
        for (int i = 0; i < cases.length; i++) {
            System.out.printf("best: %s %.0fx the one span%n", cases[i][0], best[i]);
        }
    }

    private static String text(int words, IntFunction<String> word) {
        return IntStream.range(0, words).mapToObj(word).collect(Collectors.joining(" "));
    }
}
