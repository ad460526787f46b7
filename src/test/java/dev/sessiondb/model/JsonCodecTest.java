package dev.sessiondb.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.Fixtures;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonCodecTest {

    @Test
    void writesTheRealFixtureBackByteForByte() throws Exception {
        String original;
        try (InputStream in = Fixtures.class.getResourceAsStream(Fixtures.MINSKY_ARRAY)) {
            original = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(JsonCodec.pretty(JsonCodec.parse(original))).isEqualTo(original);
    }

    @Test
    void keepsNumbersExactlyAsWritten() throws Exception {
        String text = "{\"a\":1.10,\"b\":12345678901234567890123,\"c\":0.1}";
        assertThat(JsonCodec.compact(JsonCodec.parse(text))).isEqualTo(text);
    }

    @Test
    void canonicalFormIgnoresFieldOrder() throws Exception {
        assertThat(JsonCodec.canonical(JsonCodec.parse("{\"b\":1,\"a\":{\"y\":2,\"x\":[3,{\"q\":1,\"p\":2}]}}")))
                .isEqualTo(JsonCodec.canonical(JsonCodec.parse("{\"a\":{\"x\":[3,{\"p\":2,\"q\":1}],\"y\":2},\"b\":1}")));
    }
}
