package dev.sessiondb.store.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.JavaProcess;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.RecordCursor;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreLocator;
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

/** Two writers racing on one file never lose an update: the lock spans the whole read-modify-write. */
class JsonFileConcurrencyTest {

    private static final int PUTS_PER_WRITER = 60;

    @TempDir
    Path dir;

    private static Set<String> keysIn(Path file) {
        Set<String> keys = new HashSet<>();
        try (SessionStore store = JsonFileStore.open(StoreLocator.of(StoreFormat.JSON, file), OpenMode.EXISTING);
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
        Path file = dir.resolve("session-db.json");
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> writers = List.of(
                    threads.submit(() -> ConcurrentPutter.putAll(file, "left-", PUTS_PER_WRITER)),
                    threads.submit(() -> ConcurrentPutter.putAll(file, "right-", PUTS_PER_WRITER)));
            for (Future<?> writer : writers) {
                writer.get(2, TimeUnit.MINUTES);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(keysIn(file)).isEqualTo(expectedKeys("left-", "right-"));
    }

    @Test
    void twoProcessesPuttingAtOnceKeepEveryRecord() throws IOException, InterruptedException {
        Path file = dir.resolve("session-db.json");
        ConcurrentPutter.putAll(file, "seed-", 1);
        List<Process> writers = List.of(startPutter(file, "first-"), startPutter(file, "second-"));
        for (Process writer : writers) {
            writer.waitFor(3, TimeUnit.MINUTES);
        }
        assertThat(writers).allSatisfy(writer -> assertThat(writer.exitValue()).isZero());
        Set<String> expected = expectedKeys("first-", "second-");
        expected.add("seed-0");
        assertThat(keysIn(file)).isEqualTo(expected);
    }

    private static Process startPutter(Path file, String prefix) throws IOException {
        return JavaProcess.of(ConcurrentPutter.class, file.toString(), prefix, String.valueOf(PUTS_PER_WRITER))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }
}
