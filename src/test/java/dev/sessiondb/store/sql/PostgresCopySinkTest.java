package dev.sessiondb.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The COPY sink's text and binary formats and its key hashes, without a server; the round trips are in {@link SqlBulkWriteTest}. */
class PostgresCopySinkTest {

    @Test
    void copyTextEscapesBackslashTabLineFeedAndCarriageReturnAndWritesNullAsBackslashN() {
        PostgresCopySink.CopyBuffer buffer = new PostgresCopySink.CopyBuffer(4, false);
        buffer.addRow(new Object[] {"a\\b\tc\nd\re é 日 \uD83D\uDE80", null});

        assertThat(new String(buffer.take(), StandardCharsets.UTF_8)).isEqualTo("a\\\\b\\tc\\nd\\re é 日 \uD83D\uDE80\t\\N\n");
        assertThat(buffer.isEmpty()).isTrue();
    }

    /** The binary format's layout: signature, flags and extension length, then per row the field count and each field's length and bytes, then -1. */
    @Test
    void copyBinaryWritesEachValuesBytesAsTheyAreWithTheirLengthAndNullAsMinusOne() {
        PostgresCopySink.CopyBuffer buffer = new PostgresCopySink.CopyBuffer(4, true);
        buffer.addRow(new Object[] {"a\\b\tc\né", null});
        buffer.addRow(new Object[] {"", "x"});

        ByteBuffer chunk = ByteBuffer.wrap(buffer.take());
        byte[] signature = new byte[11];
        chunk.get(signature);
        assertThat(signature).isEqualTo(new byte[] {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0});
        assertThat(chunk.getInt()).as("flags").isZero();
        assertThat(chunk.getInt()).as("header extension").isZero();
        assertThat(chunk.getShort()).isEqualTo((short) 2);
        byte[] first = "a\\b\tc\né".getBytes(StandardCharsets.UTF_8);
        assertThat(chunk.getInt()).isEqualTo(first.length);
        byte[] value = new byte[first.length];
        chunk.get(value);
        assertThat(value).isEqualTo(first);
        assertThat(chunk.getInt()).as("null").isEqualTo(-1);
        assertThat(chunk.getShort()).isEqualTo((short) 2);
        assertThat(chunk.getInt()).as("empty text").isZero();
        assertThat(chunk.getInt()).isEqualTo(1);
        assertThat(chunk.get()).isEqualTo((byte) 'x');
        assertThat(chunk.getShort()).as("trailer").isEqualTo((short) -1);
        assertThat(chunk.hasRemaining()).isFalse();
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
