package dev.sessiondb.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class SessionDocumentTest {

    private static SessionRecord record(String json) throws Exception {
        return SessionRecord.of((ObjectNode) JsonCodec.parse(json));
    }

    @Test
    void jsonIsTheWholeRecordWithSecretsMasked() throws Exception {
        SessionRecord record = record("{\"session\":\"task#7\",\"repoName\":\"local/minsky\",\"github\":{\"token\":\"ghp_abcdefghijklmnopqrstuvwxyz0123\"}}");

        String json = SessionDocument.write(record, SessionDocument.Format.JSON);

        assertThat(JsonCodec.parse(json).path("repoName").asText()).isEqualTo("local/minsky");
        assertThat(json).doesNotContain("abcdefghijklmnopqrstuvwxyz0123").contains(SecretMasker.MASK);
    }

    @Test
    void aMagellaiConversationBecomesAReadableTranscript() throws Exception {
        SessionRecord record = record("""
                {"id": "s1", "name": "Planning", "created": "2025-06-01T10:00:00Z",
                 "conversation": {"id": "c1", "provider": "openai", "model": "gpt-4o", "system_prompt": "Be brief.",
                   "messages": [
                     {"id": "m1", "role": "user", "content": "my key is sk-abcdefghijklmnopqrstuvwxyz", "timestamp": "2025-06-01T10:00:01Z"},
                     {"id": "m2", "role": "assistant", "content": "Please rotate it.", "timestamp": "2025-06-01T10:00:02Z"}]}}
                """);

        String markdown = SessionDocument.write(record, SessionDocument.Format.MARKDOWN);

        assertThat(markdown).startsWith("# Planning\n").contains("- **Model:** openai / gpt-4o", "## System prompt\n\nBe brief.",
                "## User · 2025-06-01T10:00:01Z", "## Assistant · 2025-06-01T10:00:02Z\n\nPlease rotate it.", "masked as ****");
        assertThat(markdown).doesNotContain("abcdefghijklmnopqrstuvwxyz");
        assertThat(markdown.indexOf("## User")).isLessThan(markdown.indexOf("## Assistant"));
    }

    @Test
    void aSessionWithoutConversationHasNoTranscript() throws Exception {
        SessionRecord record = record("{\"session\":\"task#7\"}");

        assertThat(SessionDocument.hasConversation(record)).isFalse();
        assertThatThrownBy(() -> SessionDocument.write(record, SessionDocument.Format.MARKDOWN))
                .hasMessage("session 'task#7' has no conversation to write as a transcript; export it as JSON instead (--format json)");
    }
}
