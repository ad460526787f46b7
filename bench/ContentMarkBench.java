import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.StoreProviders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;

/**
 * What a SQLite store's change mark costs in WAL mode, where it is a digest of the pages (what a plan of an existing target
 * and the end of a job each take once): the file's time is moved before each look, so none is answered from the digest kept
 * for the files' last state. On a copy of a WAL-mode store (the 300k one the benchmark makes is, target/bench/300k/src.db):
 *   java -cp target/sessiondb-admin.jar bench/ContentMarkBench.java /tmp/copy-of-src.db
 * Prints each look's time and their median.
 */
public class ContentMarkBench {

    static final int LOOKS = 7;

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        StoreLocator store = StoreLocator.parse("sqlite:" + file);
        double[] seconds = new double[LOOKS];
        String mark = "";
        for (int look = 0; look < LOOKS; look++) {
            Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
            long start = System.nanoTime();
            mark = StoreProviders.of(store).changeMark(store).orElseThrow();
            seconds[look] = (System.nanoTime() - start) / 1e9;
            System.out.printf("look %d: %.3f s%n", look + 1, seconds[look]);
        }
        Arrays.sort(seconds);
        System.out.printf("median %.3f s over %,d bytes; mark %s%n", seconds[LOOKS / 2], Files.size(file), mark);
    }
}
