package dev.sessiondb.store.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.JavaProcess;
import dev.sessiondb.sample.SampleSessions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file much larger than the heap is written, streamed, paged, updated and merged with as many records: memory stays bounded. */
class JsonFileStreamingTest {

    private static final int RECORDS = 200_000;

    @TempDir
    Path dir;

    @Test
    void twoHundredThousandRecordsWorkInASmallHeap() throws IOException, InterruptedException {
        Path file = dir.resolve("session-db.json");
        Path output = dir.resolve("workout.txt");
        Process workout = JavaProcess.of(LargeFileWorkout.class, List.of("-Xmx48m"), file.toString(), String.valueOf(RECORDS))
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        workout.waitFor(10, TimeUnit.MINUTES);

        String seen = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(workout.exitValue()).as(seen).isZero();
        assertThat(Files.size(file)).isGreaterThan(48L * 1024 * 1024);
        String lastKey = SampleSessions.minskyRecord(RECORDS - 1, 11).key();
        assertThat(seen.lines()).containsExactly("count " + RECORDS, "streamed " + RECORDS, "newest " + lastKey,
                "changed changed", "after put " + RECORDS, "merged " + RECORDS + " replaced true");
    }
}
