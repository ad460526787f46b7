package dev.sessiondb.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SessionRecordTest {

    private static SessionRecord parse(String json) throws Exception {
        return SessionRecord.of(JsonCodec.parseObject(json));
    }

    @Test
    void readsKnownFieldsTypedAndKeepsUnknownOnesInOrder() throws Exception {
        SessionRecord record = parse("""
                {"session": "task#079", "zeta": 1, "repoName": "local/minsky", "createdAt": "2025-05-16T22:16:33.321Z",
                 "prApproved": "true", "pullRequest": {"state": "merged"}, "alpha": {"x": [1, 2]}}
                """);
        assertThat(record.key()).isEqualTo("task#079");
        assertThat(record.repoName()).contains("local/minsky");
        assertThat(record.createdAt().orElseThrow().isValid()).isTrue();
        assertThat(record.prApproved()).contains(true);
        assertThat(record.pullRequest().orElseThrow().path("state").asText()).isEqualTo("merged");
        assertThat(record.unknownFields()).containsOnlyKeys("zeta", "alpha");
        assertThat(record.unknownFields().keySet()).containsExactly("zeta", "alpha");
        assertThat(record.fieldNames()).containsExactly("session", "zeta", "repoName", "createdAt", "prApproved", "pullRequest", "alpha");
    }

    @Test
    void hasAFieldThatIsNullButNotOneThatIsAbsent() throws Exception {
        SessionRecord record = parse("{\"session\": \"s\", \"branch\": null, \"conversation\": {\"messages\": []}}");
        assertThat(record.has("branch")).isTrue();
        assertThat(record.has("conversation")).isTrue();
        assertThat(record.has("repoName")).isFalse();
    }

    @Test
    void takesTheKeyFromSessionIdOrIdWhenThereIsNoSessionField() throws Exception {
        assertThat(parse("{\"sessionId\": \"b7c4\"}").key()).isEqualTo("b7c4");
        assertThat(parse("{\"id\": \"chat-1\"}").key()).isEqualTo("chat-1");
    }

    @Test
    void refusesARecordWithoutKey() {
        assertThatThrownBy(() -> parse("{\"repoName\": \"x\"}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no 'session' field");
    }

    @Test
    void readsMagellaiConversationMessages() throws Exception {
        SessionRecord record = parse("""
                {"id": "m1", "conversation": {"messages": [{"id": "a", "role": "user", "content": "hi", "timestamp": "2025-01-01T00:00:00Z"}]}}
                """);
        assertThat(record.messages()).singleElement().satisfies(message -> {
            assertThat(message.role()).isEqualTo("user");
            assertThat(message.timestamp().isValid()).isTrue();
        });
    }

    @Test
    void changesMakeANewRecordAndLeaveTheOldOneAlone() throws Exception {
        SessionRecord record = parse("{\"session\": \"s\", \"branch\": \"a\"}");
        SessionRecord changed = record.with("branch", "b");
        assertThat(record.branch()).contains("a");
        assertThat(changed.branch()).contains("b");
        assertThat(changed.without("branch").branch()).isEmpty();
    }

    @Test
    void equalRecordsIgnoreFieldOrderAndNumberWidth() throws Exception {
        SessionRecord a = parse("{\"session\": \"s\", \"commitCount\": 100, \"x\": {\"b\": 1, \"a\": 2}}");
        SessionRecord b = SessionRecord.of(JsonCodec.parseObject("{\"x\": {\"a\": 2, \"b\": 1}, \"session\": \"s\"}")
                .put("commitCount", 100L));
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(a.with("commitCount", "100"));
    }
}
