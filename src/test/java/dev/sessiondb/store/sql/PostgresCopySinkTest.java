package dev.sessiondb.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The COPY sink's text format and its key hashes, without a server; the round trip is in {@link SqlBulkWriteTest}. */
class PostgresCopySinkTest {

    @Test
    void copyTextEscapesBackslashTabLineFeedAndCarriageReturnAndWritesNullAsBackslashN() {
        PostgresCopySink.CopyBuffer buffer = new PostgresCopySink.CopyBuffer(4);
        buffer.addCopyText("a\\b\tc\nd\re é 日 \uD83D\uDE80");
        buffer.add((byte) '\t');
        buffer.addCopyText(null);

        assertThat(new String(buffer.take(), StandardCharsets.UTF_8)).isEqualTo("a\\\\b\\tc\\nd\\re é 日 \uD83D\uDE80\t\\N");
        assertThat(buffer.isEmpty()).isTrue();
    }

    /** Keys that differ in their last digits, as task-derived keys do, must not pile into a few of a hash set's buckets. */
    @Test
    void keyHashesOfSequentialKeysSpreadOverAHashSetsBuckets() {
        int keys = 300_000;
        int mask = (1 << 19) - 1;
        Map<Integer, Integer> buckets = new HashMap<>();
        for (int i = 0; i < keys; i++) {
            int hash = Long.hashCode(PostgresCopySink.keyHash(String.format("task-md#%06d", i)));
            buckets.merge((hash ^ (hash >>> 16)) & mask, 1, Integer::sum);
        }
        assertThat(buckets.values().stream().mapToInt(Integer::intValue).max().orElseThrow()).isLessThan(12);
        assertThat(buckets.size()).isGreaterThan(keys / 2);
    }
}
