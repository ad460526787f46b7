package dev.sessiondb.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reference search every backend matches: a chat server's and magellai's sessions are found by their own fields and messages too. */
class SessionQueryTest {

    private static final String TOKEN = "ghp_ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210";

    private static SessionRecord record(String json) throws JsonProcessingException {
        return SessionRecord.of(JsonCodec.parseObject(json));
    }

    private static boolean found(String search, SessionRecord record) {
        return SessionQuery.all().withSearch(search).matches(record);
    }

    @Test
    void aChatSessionIsFoundByItsTenantAndUserCaseFoldedWordsAcrossFields() throws JsonProcessingException {
        SessionRecord chat = record("""
                {"id": "chat-000001", "tenantId": "Tenant-Acme", "userId": "User-42", "messages": []}""");

        for (String search : List.of("acme", "TENANT-ACME", "user-4", "acme user-42", "42 chat-000001")) {
            assertThat(found(search, chat)).as(search).isTrue();
        }
        assertThat(found("acme nothing-matches-this", chat)).isFalse();
    }

    @Test
    void aMagellaiSessionIsFoundByItsNameAndModelANumberAsItsJsonText() throws JsonProcessingException {
        SessionRecord named = record("""
                {"id": "20250106-0001", "name": "Refactor the Parser", "conversation": {"id": "c1", "model": "GPT-4o", "messages": []}}""");
        SessionRecord numbered = record("""
                {"id": "20250106-0002", "name": 2025, "conversation": {"id": "c2", "model": 7, "messages": []}}""");

        for (String search : List.of("parser", "gpt-4O", "refactor gpt", "PARSER 0001")) {
            assertThat(found(search, named)).as(search).isTrue();
        }
        assertThat(found("2025 7", numbered)).isTrue();
        // the conversation's id is not its model
        assertThat(found("c1", named)).isFalse();
    }

    @Test
    void aKindsOwnFieldsAreSearchedOnlyInThatKindsSessions() throws JsonProcessingException {
        SessionRecord minsky = record("""
                {"session": "task#1", "repoName": "local/minsky", "tenantId": "acme", "name": "parser"}""");

        assertThat(found("acme", minsky)).isFalse();
        assertThat(found("parser", minsky)).isFalse();
        assertThat(found("minsky", minsky)).isTrue();
    }

    @Test
    void aSessionNamingARepositoryIsNotSearchedByItsKindsOwnFields() throws JsonProcessingException {
        // a conversation makes it magellai's, but a SQL store finds such fields only among the rows naming no repository
        SessionRecord withRepository = record("""
                {"id": "20250106-0003", "repoName": "local/minsky", "name": "Refactor the Parser", "conversation": {"model": "GPT-4o"}}""");

        assertThat(found("parser", withRepository)).isFalse();
        assertThat(found("gpt-4o", withRepository)).isFalse();
        assertThat(found("local/minsky", withRepository)).isTrue();
    }

    @Test
    void aTokenInATenantOrUserIsNeverConfirmedBySearch() throws JsonProcessingException {
        SessionRecord chat = record("""
                {"id": "chat-000002", "tenantId": "acme", "userId": "push-%s"}""".formatted(TOKEN));
        SessionQuery guessed = SessionQuery.all().withSearch("ghp_ZYX");

        assertThat(guessed.matches(chat)).isFalse();
        assertThat(guessed.foundOnlyBehindMasks(chat)).isTrue();
        assertThat(found("push- acme", chat)).isTrue();
        assertThat(SessionQuery.all().withSearch("push-").foundOnlyBehindMasks(chat)).isFalse();
    }

    @Test
    void aChatOrMagellaiSessionIsFoundByWhatItsMessagesSayFoldedAndAcrossFields() throws JsonProcessingException {
        SessionRecord chat = record("""
                {"id": "chat-000003", "tenantId": "acme", "messages": [{"id": "m1", "role": "user", "content": "I want a Refund"},
                 {"id": "m2", "role": "assistant", "content": "Zu\u0308rich office: ERR_QUOTA_42"}, {"id": "m3", "content": {"parts": "hidden"}}]}""");
        SessionRecord magellai = record("""
                {"id": "20250106-0004", "conversation": {"model": "gpt-4o", "messages": [{"id": "m1", "content": "Stack trace: NullPointerException"}]}}""");

        for (String search : List.of("refund", "REFUND acme", "err_quota", "z\u00fcrich", "ZU\u0308RICH refund")) {
            assertThat(found(search, chat)).as(search).isTrue();
        }
        // only a message's own text: not its role, nor a content that is no text
        assertThat(found("assistant", chat)).isFalse();
        assertThat(found("hidden", chat)).isFalse();
        assertThat(found("nullpointer GPT-4o", magellai)).isTrue();
        assertThat(found("nullpointer refund", magellai)).isFalse();
    }

    @Test
    void messagesAreSearchedOnlyInAChatOrMagellaiSessionNamingNoRepository() throws JsonProcessingException {
        SessionRecord minsky = record("""
                {"session": "task#2", "repoName": "local/minsky", "messages": [{"id": "m1", "content": "refund"}]}""");
        SessionRecord other = record("""
                {"id": "other-1", "messages": [{"id": "m1", "content": "refund"}]}""");
        SessionRecord magellaiWithRepository = record("""
                {"id": "20250106-0005", "repoName": "local/minsky", "conversation": {"messages": [{"id": "m1", "content": "refund"}]}}""");

        assertThat(found("refund", minsky)).isFalse();
        assertThat(found("refund", other)).isFalse();
        assertThat(found("refund", magellaiWithRepository)).isFalse();
    }

    @Test
    void aTokenInAMessageIsNeverConfirmedBySearch() throws JsonProcessingException {
        SessionRecord chat = record("""
                {"id": "chat-000004", "tenantId": "acme", "messages": [{"id": "m1", "content": "my token is %s, refund me"}]}""".formatted(TOKEN));
        SessionQuery guessed = SessionQuery.all().withSearch("ghp_ZYX");

        assertThat(guessed.matches(chat)).isFalse();
        assertThat(guessed.foundOnlyBehindMasks(chat)).isTrue();
        assertThat(found("refund acme", chat)).isTrue();
        assertThat(SessionQuery.all().withSearch("refund").foundOnlyBehindMasks(chat)).isFalse();
    }
}
