package dev.sessiondb.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sessiondb.Fixtures;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.util.List;
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

    /** A comment in a file a user edited by hand: what to do, not the parser's setting that would allow it. */
    @Test
    void aCommentIsNamedAsOneToRemove() {
        for (String text : List.of("// sessions\n[]", "[{\"session\":\"a\"} /* kept */]")) {
            assertThat(assertThrows(JsonProcessingException.class, () -> JsonCodec.parse(text))).extracting(JsonCodec::problem)
                    .isEqualTo("Unexpected character '/': a comment, which JSON does not allow; remove it");
        }
        assertThat(assertThrows(JsonProcessingException.class, () -> JsonCodec.parse("# hash\n[]"))).extracting(JsonCodec::problem)
                .asString().startsWith("Unexpected character '#': expected a valid value");
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

    /** Stored hashes (repair changesets, verification reports) were taken over this text: it must not change form. */
    @Test
    void canonicalTextIsTheSortedMapFormHashesWereTakenOver() throws Exception {
        ObjectMapper sortedMaps = JsonMapper.builder().nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
        String original;
        try (InputStream in = Fixtures.class.getResourceAsStream(Fixtures.MINSKY_ARRAY)) {
            original = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String tricky = "{\"z\":null,\"é\":\"ünï \\u0001 \\\"q\\\"\",\"n\":[1.10,0.1,-0.0,1e400,12345678901234567890123,-7,1E2,-9223372036854775808,"
                + "9223372036854775807,9223372036854775808,-9223372036854775809,-0,0,"
                + "{\"b\":true,\"a\":false,\"\":{}}],\"B\":[],\"a\":\"\\u2028\"}";
        for (JsonNode node : List.of(JsonCodec.parse(original), JsonCodec.parse(tricky))) {
            assertThat(JsonCodec.canonical(node)).isEqualTo(sortedMaps.writeValueAsString(sortedMaps.treeToValue(node, Object.class)));
        }
    }

    @Test
    void anUnpairedSurrogateIsWrittenAsItsEscapeAndReadsBackTheSame() throws Exception {
        JsonNode node = JsonCodec.parse("{\"cut\":\"launch \\ud83d\",\"low\":\"\\udfff\",\"pair\":\"\\ud83d\\ude80\"}");

        String compact = JsonCodec.compact(node);

        assertThat(compact).isEqualTo("{\"cut\":\"launch \\ud83d\",\"low\":\"\\udfff\",\"pair\":\"\ud83d\ude80\"}");
        assertThat(JsonCodec.parse(new String(compact.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))).isEqualTo(node);
        assertThat(JsonCodec.canonical(node)).isEqualTo(compact);
        assertThat(JsonCodec.parse(JsonCodec.pretty(node))).isEqualTo(node);
    }

    @Test
    void recordsDifferingOnlyInAnUnpairedSurrogateHashDifferently() throws Exception {
        ObjectNode high = (ObjectNode) JsonCodec.parse("{\"notes\":\"x\\ud800\"}");
        ObjectNode other = (ObjectNode) JsonCodec.parse("{\"notes\":\"x\\ud801\"}");

        assertThat(RecordHash.of(high)).isNotEqualTo(RecordHash.of(other));
    }
}
