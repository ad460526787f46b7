import dev.sessiondb.catalog.Catalog;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The job history's catalog opened and closed as a job does at each event of its run
 * ({@code CatalogRecorder}), twelve times in one JVM on a new catalog:
 *   java -XX:+UseSerialGC -cp target/sessiondb-admin.jar bench/CatalogOpenBench.java
 * Prints each open's and close's time; the first open loads the classes.
 */
public class CatalogOpenBench {

    public static void main(String[] args) throws Exception {
        Path folder = Files.createTempDirectory("catalog-bench");
        for (int i = 0; i < 12; i++) {
            long start = System.nanoTime();
            Catalog catalog = Catalog.open(folder);
            long opened = System.nanoTime();
            catalog.history();
            catalog.close();
            long closed = System.nanoTime();
            System.out.printf("open %.1f ms, close %.1f ms%n", (opened - start) / 1e6, (closed - opened) / 1e6);
        }
    }
}
