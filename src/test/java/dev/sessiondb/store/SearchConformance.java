package dev.sessiondb.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.Fixtures;
import dev.sessiondb.model.SessionKind;
import dev.sessiondb.model.SessionQuery;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.sample.SampleSessions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The search part of {@link SessionStoreConformance}: what a search finds, counts and never confirms behind a mask. */
public abstract class SearchConformance extends ConformanceStore {

    private static final String TOKEN = "ghp_ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210";

    @Test
    void searchFindsSessionsCaseInsensitivelyLikeTheReference() {
        List<SessionRecord> samples = sampleRecords();
        fill(samples);
        for (String text : List.of("TASK", "minsky", "#07", "md#", "nothing-matches-this")) {
            SessionQuery query = SessionQuery.all().withSearch(text).page(0, 10_000);
            assertThat(keys(store.page(query))).as(text).isEqualTo(reference(samples, query));
            assertThat(store.page(query).totalMatching()).isEqualTo(reference(samples, query).size());
        }
    }

    @Test
    void searchWithSeveralWordsNeedsEveryWordInAnySearchedField() {
        List<SessionRecord> samples = sampleRecords();
        fill(samples);
        SessionRecord first = samples.get(0);
        String otherField = first.repoName().or(first::branch).or(first::taskId).orElse(first.key());
        // one word from another field, one from the key: "magellai 1234" must find the session having both
        String twoFields = otherField.substring(0, Math.min(4, otherField.length())).toUpperCase(Locale.ROOT)
                + "  " + first.key().substring(Math.max(0, first.key().length() - 3));
        for (String text : List.of(twoFields, first.key() + " nothing-matches-this", "ta sk", "\tmd#  ")) {
            SessionQuery query = SessionQuery.all().withSearch(text).page(0, 10_000);
            assertThat(keys(store.page(query))).as(text).isEqualTo(reference(samples, query));
            assertThat(store.page(query).totalMatching()).as(text).isEqualTo(reference(samples, query).size());
        }
        assertThat(keys(store.page(SessionQuery.all().withSearch(twoFields).page(0, 10_000)))).as(twoFields).contains(first.key());
        assertThat(store.page(SessionQuery.all().withSearch(first.key() + " nothing-matches-this")).totalMatching()).isZero();
    }

    @Test
    void searchFindsABranchWhetherOrNotItRepeatsTheKey() {
        List<SessionRecord> samples = new ArrayList<>(sampleRecords().subList(0, 6));
        // Minsky names a session's branch after it; here one branch repeats its key, one has a name of its own, one is missing
        samples.set(0, samples.get(0).with("branch", samples.get(0).key()));
        samples.set(1, samples.get(1).with("branch", "feature/own-branch-name"));
        samples.set(2, samples.get(2).without("branch"));
        fill(samples);
        // then each branch changes, so a search index must forget what it held for the old one
        List.of(samples.get(0).with("branch", "renamed/own-branch-name"), samples.get(1).with("branch", samples.get(1).key()),
                samples.get(2).with("branch", samples.get(2).key())).forEach(record -> store.put(kept(record)));

        List<SessionRecord> now = readAll();
        for (String text : List.of("own-branch", "OWN-BRANCH-NAME", "feature/", "renamed", samples.get(1).key(), samples.get(2).key())) {
            SessionQuery query = SessionQuery.all().withSearch(text).page(0, 10_000);
            assertThat(keys(store.page(query))).as(text).isEqualTo(reference(now, query));
        }
        if (!store.unsupportedFields(samples.get(0)).contains("branch")) {
            assertThat(keys(store.page(SessionQuery.all().withSearch("own-branch-name")))).containsExactly(samples.get(0).key());
        }
    }

    /**
     * An audit: a session named {@code café} stored with its accent decomposed (NFD, as macOS writes it) was not found by
     * {@code café} typed composed (NFC), nor the other way round; a word of three characters or more asks SQLite's
     * trigram index, a shorter one its LIKE, and PostgreSQL's two halves hold the key and the repository.
     */
    @Test
    void searchFindsTextInEitherUnicodeNormalisation() {
        List<SessionRecord> samples = new ArrayList<>(sampleRecords().subList(0, 6));
        String composed = "caf\u00e9-composed";
        String decomposed = "cafe\u0301-decomposed";
        samples.set(0, renamed(samples.get(0), composed));
        samples.set(1, renamed(samples.get(1), decomposed));
        samples.set(2, samples.get(2).with("repoName", "na\u00efve-repo"));
        samples.set(3, samples.get(3).with("repoName", "nai\u0308ve-repo"));
        fill(samples);

        List<SessionRecord> stored = readAll();
        for (String text : List.of("caf\u00e9", "cafe\u0301", "\u00e9-", "e\u0301-", "\u00e9")) {
            SessionQuery query = SessionQuery.all().withSearch(text).page(0, 10_000);
            assertThat(keys(store.page(query))).as(text).containsExactlyInAnyOrder(composed, decomposed).isEqualTo(reference(stored, query));
            assertThat(store.page(query).totalMatching()).as(text).isEqualTo(2);
        }
        if (!store.unsupportedFields(samples.get(2)).contains("repoName")) {
            for (String text : List.of("na\u00efve", "nai\u0308ve-repo caf", "nai\u0308ve-repo")) {
                SessionQuery query = SessionQuery.all().withSearch(text).page(0, 10_000);
                assertThat(keys(store.page(query))).as(text).isEqualTo(reference(stored, query));
            }
            assertThat(keys(store.page(SessionQuery.all().withSearch("na\u00efve")))).containsExactlyInAnyOrder(samples.get(2).key(), samples.get(3).key());
        }
    }

    /**
     * {@code md#123} typed found 0 of 217 in Minsky's own store, whose task 123 is stored {@code #123}: a task id typed qualified is
     * also looked for in its bare form, in the page and its count, while the bare form finds as before.
     */
    @Test
    void searchFindsATaskIdTypedQualifiedInItsBareFormToo() {
        List<SessionRecord> samples = new ArrayList<>(sampleRecords().subList(0, 5));
        if (store.unsupportedFields(samples.get(0)).contains("taskId")) {
            return;
        }
        List<String> taskIds = List.of("#123", "md#123", "#124", "md#0123", "task#200");
        for (int index = 0; index < taskIds.size(); index++) {
            samples.set(index, kept(samples.get(index).with("taskId", taskIds.get(index))));
        }
        fill(samples);
        List<String> bareAndQualified = List.of(samples.get(0).key(), samples.get(1).key());

        for (String text : List.of("md#123", "MD#123", "task#123", "#123", "md#123 #12")) {
            SessionQuery query = SessionQuery.all().withSearch(text).page(0, 10_000);
            assertThat(keys(store.page(query))).as(text).containsExactlyInAnyOrderElementsOf(bareAndQualified);
            assertThat(store.page(query.page(0, 1)).totalMatching()).as(text).isEqualTo(2);
        }
        assertThat(keys(store.page(SessionQuery.all().withSearch("md#0123")))).containsExactly(samples.get(3).key());
        assertThat(keys(store.page(SessionQuery.all().withSearch("md#12").page(0, 10_000)))).containsExactlyInAnyOrder(
                samples.get(0).key(), samples.get(1).key(), samples.get(2).key());
    }

    /** An audit: a key shown as push-****3210 was found by a guessed part of its token, which confirmed it; only what tables show is found. */
    @Test
    void searchFindsOnlyWhatTablesShowOfASecret() {
        List<SessionRecord> samples = new ArrayList<>(sampleRecords().subList(0, 6));
        String withToken = "push-ghp_ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210";
        samples.set(0, renamed(samples.get(0), withToken));
        fill(samples);

        List<SessionRecord> stored = readAll();
        for (String text : List.of("ghp_ZYX", "zyxwvu", "push ghp", "push-", "3210")) {
            SessionQuery query = SessionQuery.all().withSearch(text).page(0, 10_000);
            assertThat(keys(store.page(query))).as(text).isEqualTo(reference(stored, query));
            assertThat(store.page(query).totalMatching()).as(text).isEqualTo(reference(stored, query).size());
        }
        assertThat(reference(stored, SessionQuery.all().withSearch("ghp_ZYX"))).doesNotContain(withToken);
        assertThat(reference(stored, SessionQuery.all().withSearch("push ghp"))).doesNotContain(withToken);
        assertThat(reference(stored, SessionQuery.all().withSearch("push- 3210"))).containsExactly(withToken);
    }

    /**
     * An audit: the count beside a page came from SQL alone, so a session matched only behind a mask and not on that page was
     * counted (2 where the pages show 1), also after another writer stores one more such session.
     */
    @Test
    void searchCountsOnlyWhatTablesShowOfASecret() {
        List<SessionRecord> samples = new ArrayList<>(sampleRecords().subList(0, 6));
        samples.set(0, renamed(samples.get(0), "aa-ghp_zyx-shown"));
        samples.set(1, renamed(samples.get(1), "zz-push-ghp_ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210"));
        fill(samples);
        SessionQuery search = SessionQuery.all().withSearch("ghp_zyx");

        assertThat(keys(store.page(search.page(0, 1)))).containsExactly("aa-ghp_zyx-shown");
        assertThat(store.page(search.page(0, 1)).totalMatching()).isEqualTo(1);
        assertThat(store.page(search.page(0, 0)).totalMatching()).isEqualTo(1);

        List<SessionRecord> added = List.of(renamed(samples.get(2), "ab-ghp_zyx-shown"),
                renamed(samples.get(3), "zz-pull-ghp_ZYXWVUTSRQPONMLKJIHGFEDCBA9876543211"));
        try (SessionStore other = StoreFactory.open(store.locator(), OpenMode.EXISTING)) {
            other.write(WriteBatch.upsert(added.iterator(), added.size()), ProgressMonitor.NONE);
        }
        assertThat(store.page(search.page(0, 1)).totalMatching()).isEqualTo(2);
        assertThat(store.page(search.page(0, 0)).totalMatching()).isEqualTo(2);
        assertThat(keys(store.page(search.page(0, 10_000)))).containsExactly("aa-ghp_zyx-shown", "ab-ghp_zyx-shown");
    }

    /**
     * A chat admin who typed a tenant or a user found nothing, nor did a magellai user typing a session's name or model: each kind's
     * own fields ({@link SessionKind#searchedFields}) are searched as the reference searches them, in the sessions the store can hold.
     */
    @Test
    void searchFindsAChatServersAndMagellaisSessionsByTheirOwnFields() {
        List<SessionRecord> candidates = new ArrayList<>(sampleRecords().subList(0, 4));
        // shown, and first by key: a page of one then counts the sessions its word finds only behind a mask, to leave them out
        candidates.add(SampleSessions.chatRecord(899).with("tenantId", "tenant-ghp_zyx-shown"));
        candidates.add(SampleSessions.chatRecord(900).with("tenantId", "Tenant-Acme").with("userId", "User-Ada"));
        candidates.add(SampleSessions.chatRecord(901).with("tenantId", "tenant-globex").with("userId", "push-" + TOKEN));
        candidates.add(SampleSessions.chatRecord(902).with("tenantId", "Acme-Labs").without("userId"));
        candidates.add(SampleSessions.chatRecord(903).with("tenantId", "Z\u00fcrich-Team").with("userId", TOKEN));
        candidates.add(SampleSessions.chatRecord(904).with("tenantId", "acme-ghp_ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"));
        candidates.add(magellai(910, "Refactor the Parser", "GPT-4o"));
        candidates.add(magellai(911, "Parser notes", "claude-3-opus"));
        candidates.add(magellai(912, "Session 912", "acme-local"));
        // naming a repository, it is searched as Minsky's sessions are: by its key, task id, repository and branch alone
        candidates.add(magellai(913, "Parser with a repository", "gpt-4o-mini").with("repoName", "local/other"));
        fill(candidates.stream().filter(this::holdsKindsFields).map(this::kept).toList());

        List<SessionRecord> stored = readAll();
        assertFindsAndCountsAsTheReference(stored, List.of("acme", "ACME", "tenant-", "user-ada", "ada ACME", "Ad", "parser", "GPT-4",
                "claude parser", "acme-l", "z\u00fcrich", "Z\u00dcRICH-t", "ghp_ZYX", "ghp_abc", "push ghp", "push- globex", "nothing-matches-this"));
        if (holdsKind(stored, SessionKind.CHAT)) {
            assertThat(keys(store.page(SessionQuery.all().withSearch("acme user-ada")))).containsExactly("chat-000900");
            assertThat(keys(store.page(SessionQuery.all().withSearch("ghp_ZYX")))).containsExactly("chat-000899");
        }
        if (holdsKind(stored, SessionKind.MAGELLAI)) {
            assertThat(keys(store.page(SessionQuery.all().withSearch("gpt-4o parser")))).hasSize(1);
        }
    }

    /**
     * A chat admin looking for what was said ("refund", an error's text) found nothing: a chat server's and magellai's sessions are
     * searched by their messages' content ({@link SessionKind#searchedMessages}) as the reference searches them, a token in a message
     * never confirmed, and a session naming a repository (Minsky's) not searched by its messages.
     */
    @Test
    void searchFindsAChatServersAndMagellaisSessionsByWhatTheirMessagesSay() {
        List<SessionRecord> candidates = new ArrayList<>(sampleRecords().subList(0, 4));
        SessionRecord minsky = Fixtures.minskyRecords().get(5).with("repoName", "local/minsky");
        candidates.add(saying(minsky.with("messages", SampleSessions.chatRecord(918).field("messages").orElseThrow()), "a refund for a NullPointerException"));
        // shown, and first by key: a page of one then counts the sessions its word finds only behind a mask, to leave them out
        candidates.add(saying(SampleSessions.chatRecord(919), "a guess: ghp_zyx-shown"));
        candidates.add(saying(SampleSessions.chatRecord(920).with("tenantId", "Acme"), "I want a \"Refund\" for order 77"));
        candidates.add(saying(SampleSessions.chatRecord(921), "Error: ERR_QUOTA_EXCEEDED in Zu\u0308rich"));
        candidates.add(saying(SampleSessions.chatRecord(922), "my token is push-" + TOKEN));
        candidates.add(saying(magellai(930, "Parser notes", "gpt-4o"), "Stack trace: NullPointerException at Lexer.next"));
        // naming a repository, it is searched as Minsky's sessions are: not by its messages
        candidates.add(saying(magellai(931, "Parser with a repository", "gpt-4o").with("repoName", "local/other"), "NullPointerException"));
        fill(candidates.stream().filter(this::holdsMessages).map(this::kept).toList());

        List<SessionRecord> stored = readAll();
        assertFindsAndCountsAsTheReference(stored, List.of("refund", "REFUND acme", "err_quota", "z\u00fcrich", "ZU\u0308RICH error",
                "nullpointer", "lexer PARSER", "\"refund\"", "ghp_ZYX", "ghp_zyx", "push ghp", "push- token", "message", "nothing-matches-this"));
        if (holdsKind(stored, SessionKind.CHAT)) {
            assertThat(keys(store.page(SessionQuery.all().withSearch("refund")))).containsExactly("chat-000920");
            // a quote the record's JSON text escapes
            assertThat(keys(store.page(SessionQuery.all().withSearch("\"refund\" ORDER")))).containsExactly("chat-000920");
            assertThat(keys(store.page(SessionQuery.all().withSearch("ghp_ZYX")))).containsExactly("chat-000919");
        }
        if (holdsKind(stored, SessionKind.MAGELLAI)) {
            assertThat(keys(store.page(SessionQuery.all().withSearch("nullpointerexception lexer")))).hasSize(1);
        }
    }

    /** Each search finds what the reference finds in the stored records, and a page of one counts them all. */
    private void assertFindsAndCountsAsTheReference(List<SessionRecord> stored, List<String> searches) {
        for (String text : searches) {
            SessionQuery query = SessionQuery.all().withSearch(text).page(0, 10_000);
            List<String> expected = reference(stored, query);
            assertThat(keys(store.page(query))).as(text).isEqualTo(expected);
            assertThat(store.page(query.page(0, 1)).totalMatching()).as(text).isEqualTo(expected.size());
        }
    }

    /** The record with its last message saying the text instead (a magellai session's in its conversation). */
    private static SessionRecord saying(SessionRecord record, String text) {
        ObjectNode fields = record.fields();
        String messages = fields.has("conversation") ? "/conversation/messages" : "/messages";
        JsonNode list = fields.at(messages);
        ((ObjectNode) list.get(list.size() - 1)).put(SessionKind.MESSAGE_TEXT, text);
        return SessionRecord.of(fields);
    }

    /** As {@link #holdsKindsFields}, and the store keeps the messages search looks at. */
    private boolean holdsMessages(SessionRecord record) {
        return holdsKindsFields(record) && SessionKind.of(record).searchedMessages()
                .map(messages -> !store.unsupportedFields(record).contains(messages.path().split("\\.")[0])).orElse(true);
    }

    private static SessionRecord magellai(long index, String name, String model) {
        SessionRecord record = SampleSessions.magellaiRecord(index);
        ObjectNode conversation = (ObjectNode) record.field("conversation").orElseThrow();
        conversation.put("model", model);
        // a createdAt, which the chat server's table needs of every session it holds
        return record.with("name", name).with("conversation", conversation).with("createdAt", "2025-01-06T09:00:00Z");
    }

    /** Whether the store keeps the record whole where search looks: it takes the record and each field its kind searches. */
    private boolean holdsKindsFields(SessionRecord record) {
        Set<String> unsupported = store.unsupportedFields(record);
        return store.refusals(record).isEmpty() && SessionKind.of(record).searchedFields().stream()
                .noneMatch(field -> unsupported.contains(field.path().split("\\.")[0]));
    }

    private static boolean holdsKind(List<SessionRecord> records, SessionKind kind) {
        return records.stream().anyMatch(record -> SessionKind.of(record) == kind);
    }

    /**
     * The record as another session: under another key, and its messages under ids of their own, as a chat server's
     * messages table keys them across sessions.
     */
    protected static SessionRecord renamed(SessionRecord record, String key) {
        String keyField = SessionRecord.KEY_FIELDS.stream().filter(record::has).findFirst().orElseThrow();
        ObjectNode fields = record.with(keyField, key).fields();
        for (JsonNode message : fields.path("messages")) {
            if (message.has("id")) {
                ((ObjectNode) message).put("id", key + "/" + message.get("id").asText());
            }
        }
        return SessionRecord.of(fields);
    }
}
