package dev.sessiondb.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import java.util.Optional;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** Where a search found a session: the places the reference search ({@link SessionQuery#matches}) found each word, masked as it masks. */
class WhereFoundTest {

    private static final String TOKEN = "ghp_ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210";

    private static SessionRecord record(String json) throws JsonProcessingException {
        return SessionRecord.of(JsonCodec.parseObject(json));
    }

    private static List<WhereFound.Place> places(String search, SessionRecord record) {
        return WhereFound.in(SessionQuery.all().withSearch(search), record);
    }

    private static List<String> texts(String search, SessionRecord record) {
        return places(search, record).stream().map(WhereFound.Place::text).toList();
    }

    @Test
    void aWordSaidInAMessageIsFoundInThatMessageWithItsRoleAndASnippetAroundIt() throws JsonProcessingException {
        SessionRecord chat = record("""
                {"id": "chat-000001", "tenantId": "acme", "userId": "u-7", "messages": [
                 {"id": "m1", "role": "user", "content": "Hello there"},
                 {"id": "m2", "role": "assistant", "content": "How can I help?"},
                 {"id": "m3", "role": "user", "content": "Last week my colleague in accounting asked for a refund of the yearly plan\\nbecause the invoice was sent twice"}]}""");

        List<WhereFound.Place> found = places("REFUND", chat);

        assertThat(found).extracting(WhereFound.Place::text)
                .containsExactly("message 3 (user): …for a refund of the yearly plan…");
        assertThat(WhereFound.firstMessage(found)).contains(2);
        assertThat(SessionQuery.all().withSearch("REFUND").matches(chat)).isTrue();
    }

    @Test
    void aWordInAFieldOrTheKeyIsFoundThereNamedAsTheTableHeadsIt() throws JsonProcessingException {
        SessionRecord chat = record("""
                {"id": "chat-000002", "tenantId": "Tenant-Acme", "userId": "User-42", "messages": []}""");
        SessionRecord minsky = record("""
                {"session": "task-md#12", "taskId": "md#12", "repoName": "local/minsky", "branch": "fix-parser"}""");

        assertThat(texts("acme", chat)).containsExactly("Tenant: Tenant-Acme");
        assertThat(texts("000002", chat)).containsExactly("Session: chat-000002");
        assertThat(texts("parser", minsky)).containsExactly("Branch: fix-parser");
        assertThat(WhereFound.firstMessage(places("acme", chat))).isEmpty();
    }

    @Test
    void aTaskIdTypedQualifiedIsFoundWhereItIsStoredBareAsTheReferenceFindsIt() throws JsonProcessingException {
        SessionRecord minsky = record("""
                {"session": "task123", "taskId": "#123", "repoName": "local/minsky", "branch": "task123"}""");

        for (String search : List.of("md#123", "TASK#123")) {
            assertThat(SessionQuery.all().withSearch(search).matches(minsky)).as(search).isTrue();
            assertThat(texts(search, minsky)).as(search).containsExactly("Task: #123");
        }
    }

    @Test
    void twoWordsFoundInTwoPlacesListEachPlaceWordByWord() throws JsonProcessingException {
        SessionRecord magellai = record("""
                {"id": "20250106-0004", "name": "Refactor the parser", "conversation": {"model": "gpt-4o", "messages": [
                 {"id": "m1", "role": "user", "content": "Stack trace: NullPointerException"}]}}""");

        List<WhereFound.Place> found = places("nullpointer GPT-4o", magellai);

        assertThat(found).extracting(WhereFound.Place::word, WhereFound.Place::where)
                .containsExactly(Tuple.tuple("nullpointer", "message 1 (user)"),
                        Tuple.tuple("GPT-4o", "Model"));
        assertThat(found.get(0).snippet()).isEqualTo("…trace: NullPointerException");
    }

    @Test
    void aWordFoundOnlyUnderAMaskIsNotShownThereAndTheSnippetNeverHoldsTheSecret() throws JsonProcessingException {
        SessionRecord chat = record("""
                {"id": "chat-000004", "tenantId": "acme", "messages": [{"id": "m1", "role": "user", "content": "my token is %s refund me"}]}"""
                .formatted(TOKEN));

        assertThat(places("ghp_ZYX", chat)).isEmpty();
        List<String> found = texts("refund", chat);
        assertThat(found).hasSize(1);
        assertThat(found.get(0)).startsWith("message 1 (user): ").contains("refund me").contains(SecretMasker.MASK).doesNotContain("ZYXWV");
    }

    @Test
    void wordsAreFoldedAndLookedForInEitherUnicodeFormAsTheReferenceSearchDoes() throws JsonProcessingException {
        SessionRecord chat = record("""
                {"id": "chat-000005", "tenantId": "acme", "messages": [{"id": "m1", "role": "assistant", "content": "Zu\\u0308rich office: ERR_QUOTA_42"}]}""");

        for (String search : List.of("z\u00fcrich", "ZU\u0308RICH", "err_quota")) {
            assertThat(SessionQuery.all().withSearch(search).matches(chat)).as(search).isTrue();
            assertThat(places(search, chat)).as(search).extracting(WhereFound.Place::where).containsExactly("message 1 (assistant)");
        }
        // the reference finds no role, nor an i for a dotted capital I, but a K for the Kelvin sign (its NFC): the places agree
        assertThat(places("assistant", chat)).isEmpty();
        SessionRecord said = record("""
                {"id": "chat-000006", "tenantId": "acme", "messages": [{"id": "m1", "content": "okay, istanbul"}]}""");
        for (String search : List.of("o\u212Aay", "\u0130stanbul", "ISTANBUL")) {
            assertThat(places(search, said).isEmpty()).as(search).isEqualTo(!SessionQuery.all().withSearch(search).matches(said));
        }
        assertThat(places("\u0130stanbul", said)).isEmpty();
        assertThat(WhereFound.firstMessage(places("zürich", chat))).isEqualTo(Optional.of(0));
    }

    @Test
    void aSessionNamingARepositoryIsSearchedByMinskysFieldsAloneAsTheReferenceSearchesIt() throws JsonProcessingException {
        SessionRecord withRepository = record("""
                {"id": "20250106-0003", "repoName": "local/minsky", "name": "Refactor the Parser", "conversation": {"model": "GPT-4o",
                 "messages": [{"id": "m1", "content": "parser"}]}}""");

        assertThat(places("parser", withRepository)).isEmpty();
        assertThat(texts("minsky", withRepository)).containsExactly("Repo: local/minsky");
        assertThat(places("", withRepository)).isEmpty();
    }
}
