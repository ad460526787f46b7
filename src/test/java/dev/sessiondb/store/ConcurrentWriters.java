package dev.sessiondb.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.JavaProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two writers racing on one store never lose an update: the lock spans the whole
 * read-modify-write. A subclass names the store.
 */
public abstract class ConcurrentWriters {

    private static final int PUTS_PER_WRITER = 60;

    @TempDir
    protected Path dir;

    /** The locator of a store in the directory, which the first writer creates. */
    protected abstract String locator(Path directory);

    private static Set<String> keysIn(String locator) {
        Set<String> keys = new HashSet<>();
        try (SessionStore store = StoreFactory.open(locator, OpenMode.EXISTING);
             RecordCursor cursor = store.cursor()) {
            cursor.forEachRemaining(record -> keys.add(record.key()));
        }
        return keys;
    }

    private static Set<String> expectedKeys(String... prefixes) {
        Set<String> keys = new HashSet<>();
        for (String prefix : prefixes) {
            IntStream.range(0, PUTS_PER_WRITER).forEach(i -> keys.add(prefix + i));
        }
        return keys;
    }

    @Test
    void twoThreadsPuttingAtOnceKeepEveryRecord() throws Exception {
        String store = locator(dir);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> writers = List.of(
                    threads.submit(() -> ConcurrentPutter.putAll(store, "left-", PUTS_PER_WRITER)),
                    threads.submit(() -> ConcurrentPutter.putAll(store, "right-", PUTS_PER_WRITER)));
            for (Future<?> writer : writers) {
                writer.get(2, TimeUnit.MINUTES);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(keysIn(store)).isEqualTo(expectedKeys("left-", "right-"));
    }

    @Test
    void twoProcessesPuttingAtOnceKeepEveryRecord() throws IOException, InterruptedException {
        String store = locator(dir);
        ConcurrentPutter.putAll(store, "seed-", 1);
        List<Process> writers = List.of(startPutter(store, "first-"), startPutter(store, "second-"));
        for (Process writer : writers) {
            writer.waitFor(3, TimeUnit.MINUTES);
        }
        assertThat(writers).allSatisfy(writer -> assertThat(writer.exitValue()).isZero());
        Set<String> expected = expectedKeys("first-", "second-");
        expected.add("seed-0");
        assertThat(keysIn(store)).isEqualTo(expected);
    }

    private static Process startPutter(String store, String prefix) throws IOException {
        return JavaProcess.of(ConcurrentPutter.class, store, prefix, String.valueOf(PUTS_PER_WRITER))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }
}
