package dev.sessiondb.store.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The bytes a parser read, kept from a record's start on, at the file offsets the parser gives. */
class RetainedInputTest {

    private static final int CHUNK = 8000;

    private final byte[] file = new byte[400_000];
    private long delivered;

    RetainedInputTest() {
        for (int i = 0; i < file.length; i++) {
            file[i] = (byte) (i * 31 + i / 251);
        }
    }

    @Test
    void aSpanFromTheLastStartIsKeptAtItsOffsetsAndOneLongerThanWhatIsKeptIsNot() throws IOException {
        RetainedInput in = new RetainedInput(new ByteArrayInputStream(file), 100_000);

        readUpTo(in, 16_000);
        in.keepFrom(10_000);
        readUpTo(in, 80_000);
        assertKept(in, 10_000, 80_000);

        in.keepFrom(70_000);
        readUpTo(in, 200_000);
        assertThat(in.holds(70_000, 200_000)).as("130,000 bytes, more than the 100,000 kept").isFalse();

        readUpTo(in, 216_000);
        in.keepFrom(210_000);
        readUpTo(in, 300_000);
        assertKept(in, 210_000, 300_000);
        assertThat(in.holds(150_000, 300_000)).isFalse();
    }

    @Test
    void aParserThatGivesNoOffsetsKeepsNothingOnceItsFirstRecordStarts() throws IOException {
        RetainedInput in = new RetainedInput(new ByteArrayInputStream(file));

        readUpTo(in, 8_000);
        in.keepFrom(-1);
        readUpTo(in, 400_000);

        assertThat(in.buffer().length).isLessThanOrEqualTo(1 << 16);
        assertThat(in.holds(0, 8_000)).isFalse();
    }

    private void readUpTo(RetainedInput in, long offset) throws IOException {
        byte[] chunk = new byte[CHUNK];
        while (delivered < offset) {
            int count = in.read(chunk, 0, (int) Math.min(CHUNK, offset - delivered));
            assertThat(count).isPositive();
            delivered += count;
        }
    }

    private void assertKept(RetainedInput in, long start, long end) {
        assertThat(in.holds(start, end)).isTrue();
        int from = in.indexOf(start);
        assertThat(Arrays.copyOfRange(in.buffer(), from, from + (int) (end - start)))
                .isEqualTo(Arrays.copyOfRange(file, (int) start, (int) end));
    }
}
