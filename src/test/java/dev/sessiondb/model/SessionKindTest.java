package dev.sessiondb.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.sample.SampleSessions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionKindTest {

    /** The detail pane marked every field of a chat server's or magellai's session but createdAt as unknown: they are Minsky's unknown, not their tool's. */
    @Test
    void eachToolDefinesItsOwnSessionsFields() throws IOException {
        SessionRecord chat = SampleSessions.chatRecord(0);
        assertThat(SessionKind.of(chat)).isEqualTo(SessionKind.CHAT);
        assertThat(chat.fieldNames()).allMatch(SessionKind.CHAT::defines);

        for (String file : List.of("20250601-quick-question.json", "7f3c2a9e-5b1d-4c8e-9a60-2d4f8b1e0c37.json",
                "b81e4d02-9c6a-4f3b-8e15-6a2d9c0f7e41.json")) {
            SessionRecord magellai = magellaiFixture(file);
            assertThat(SessionKind.of(magellai)).isEqualTo(SessionKind.MAGELLAI);
            assertThat(magellai.fieldNames()).as(file).allMatch(SessionKind.MAGELLAI::defines);
        }

        assertThat(SessionKind.CHAT.defines("escalation")).isFalse();
        assertThat(SessionKind.MAGELLAI.defines("tenantId")).isFalse();
        assertThat(SessionKind.MINSKY.defines("repoName")).isTrue();
        assertThat(SessionKind.MINSKY.defines("tenantId")).isFalse();
        assertThat(SessionKind.OTHER.defines("agentNotes")).isFalse();
    }

    private SessionRecord magellaiFixture(String file) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/fixtures/magellai/" + file)) {
            return SessionRecord.of(JsonCodec.parseObject(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
    }
}
