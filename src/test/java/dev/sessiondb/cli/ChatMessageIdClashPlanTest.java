package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.job.StoreContents;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.sample.ChatSessions;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.sql.TestPostgres;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The chat server keys its messages by id across sessions, and a write giving one id to two sessions fails whole
 * (ChatMessageIdsTest); a merge or consolidation planned as fine and then failed there, after the plan was accepted
 * and a backup taken. Now the plan names each such message id and refuses, and the run writes nothing.
 */
class ChatMessageIdClashPlanTest {

    @TempDir
    Path dir;

    static Stream<String> stores() {
        return Stream.of("sqlite", "postgresql");
    }

    /** chat-000000 and chat-000001, each with its own messages. */
    private StoreLocator chatTarget(String dialect) {
        String locator = dialect.equals("sqlite") ? "sqlite:" + dir.resolve("chat.db") + "?layout=chat"
                : TestPostgres.get().freshSchema("layout=chat").display();
        return StoreContents.create(locator, List.of(SampleSessions.chatRecord(0), SampleSessions.chatRecord(1)));
    }

    private String jsonStore(String name, List<SessionRecord> records) {
        return StoreContents.create("json:" + dir.resolve(name), records).display();
    }

    /** chat-000005 takes the id of chat-000000's first message, chat-000007 that of chat-000006's second. */
    private String heldAndRepeatedIds() {
        return jsonStore("source.json", List.of(ChatSessions.withFirstMessageId(5, "msg-000000-0"), SampleSessions.chatRecord(6),
                ChatSessions.withFirstMessageId(7, "msg-000006-1")));
    }

    private String journal() {
        return dir.resolve("journal").toString();
    }

    @ParameterizedTest
    @MethodSource("stores")
    void aMergeGivingAMessageIdToTwoSessionsIsRefusedByThePlanNamingEachAndWritesNothing(String dialect) {
        StoreLocator target = chatTarget(dialect);
        String source = heldAndRepeatedIds();
        List<SessionRecord> before = StoreContents.records(target);

        CliRun plan = CliRun.of("migrate", source, target.display(), "--mode", "merge", "--dry-run", "--backup-dir", journal());
        // taken once a store of ours closed the file, which folds the write-ahead log its creation left into it; none for PostgreSQL
        byte[] fileBefore = StoreContents.bytes(dir.resolve("chat.db")).get("");
        CliRun run = CliRun.of("migrate", source, target.display(), "--mode", "merge", "--backup-dir", journal());

        String named = "the target " + target.display() + " keys messages by id across sessions, and 2 message ids would belong to two sessions:"
                + " message 'msg-000000-0' of session chat-000005 is held by the target's session chat-000000;"
                + " message 'msg-000006-1' of session chat-000007 is given by session chat-000006 too;"
                + " give those messages ids of their own in the source, or write to a new store in the native layout (--layout native)";
        assertThat(plan.exitCode()).isEqualTo(2);
        assertThat(plan.out()).contains("Would refuse: " + named).doesNotContain("message 0 of session");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(named).doesNotContain("two sessions give one messages.id");
        assertThat(StoreContents.records(target)).isEqualTo(before);
        assertThat(StoreContents.bytes(dir.resolve("chat.db")).get("")).as("a SQLite target's file, untouched").isEqualTo(fileBefore);
        assertThat(StoreContents.bytes(dir.resolve("journal").resolve("backups"))).as("no backup taken").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("stores")
    void aConsolidationWhoseSourcesGiveOneMessageIdToTwoSessionsIsRefusedByThePlan(String dialect) {
        StoreLocator target = chatTarget(dialect);
        String first = jsonStore("a.json", List.of(SampleSessions.chatRecord(5)));
        String second = jsonStore("b.json", List.of(ChatSessions.withFirstMessageId(6, "msg-000005-2")));
        List<SessionRecord> before = StoreContents.records(target);

        CliRun plan = CliRun.of("consolidate", first, second, "--into", target.display(), "--mode", "merge", "--dry-run", "--backup-dir", journal());
        CliRun run = CliRun.of("consolidate", first, second, "--into", target.display(), "--mode", "merge", "--backup-dir", journal());

        String named = "1 message id would belong to two sessions: message 'msg-000005-2' of session chat-000006 is given by session chat-000005 too";
        assertThat(plan.exitCode()).isEqualTo(2);
        assertThat(plan.out()).contains("Would refuse: the target " + target.display(), named);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(named);
        assertThat(StoreContents.records(target)).isEqualTo(before);
        assertThat(StoreContents.bytes(dir.resolve("journal").resolve("backups"))).as("no backup taken").isEmpty();
    }

    /** A replace removes the target's sessions first: only the records' own ids can clash. */
    @ParameterizedTest
    @MethodSource("stores")
    void aReplaceIsRefusedForAMessageIdTwoRecordsGiveButNotForOneOnlyTheTargetHeld(String dialect) {
        StoreLocator target = chatTarget(dialect);
        String source = heldAndRepeatedIds();
        List<SessionRecord> before = StoreContents.records(target);

        CliRun run = CliRun.of("migrate", source, target.display(), "--mode", "replace", "--backup-dir", journal());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("1 message id would belong to two sessions: message 'msg-000006-1' of session chat-000007 is given by"
                + " session chat-000006 too;").doesNotContain("msg-000000-0");
        assertThat(StoreContents.records(target)).isEqualTo(before);
    }

    /** A new store is written as its plan is made, in one pass: the first repeated id sends it back to a plan that names them all. */
    @ParameterizedTest
    @MethodSource("stores")
    void aNewChatStoreOfSessionsGivingOneMessageIdIsRefusedByThePlanAndNotMade(String dialect) {
        String target = dialect.equals("sqlite") ? "sqlite:" + dir.resolve("new.db") + "?layout=chat" : TestPostgres.get().freshSchema("layout=chat").display();
        String source = jsonStore("source.json", List.of(SampleSessions.chatRecord(5), ChatSessions.withFirstMessageId(6, "msg-000005-0"),
                ChatSessions.withFirstMessageId(7, "msg-000005-1")));

        CliRun run = CliRun.of("migrate", source, target, "--backup-dir", journal());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("2 message ids would belong to two sessions: message 'msg-000005-0' of session chat-000006 is given by"
                + " session chat-000005 too; message 'msg-000005-1' of session chat-000007 is given by session chat-000005 too")
                .doesNotContain("two sessions give one messages.id");
        assertThat(CliRun.of("ls", target).exitCode()).as("nothing was created").isEqualTo(2);
    }

    /** A message whose session the merge rewrites without it is free to move: the plan does not refuse what the write takes. */
    @ParameterizedTest
    @MethodSource("stores")
    void aMessageIdLeftByASessionTheMergeRewritesMovesToAnother(String dialect) {
        StoreLocator target = chatTarget(dialect);
        String source = jsonStore("source.json", List.of(ChatSessions.withFirstMessageId(0, "msg-renamed"),
                ChatSessions.withFirstMessageId(5, "msg-000000-0")));

        CliRun run = CliRun.of("migrate", source, target.display(), "--mode", "merge", "--backup-dir", journal());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(StoreContents.byKey(StoreContents.records(target))).extracting(SessionRecord::key)
                .containsExactly("chat-000000", "chat-000001", "chat-000005");
        assertThat(StoreContents.records(target)).contains(ChatSessions.withFirstMessageId(5, "msg-000000-0"));
    }

    /**
     * SQLite writes a merge's records in batches, deleting and upserting as they come: a message taken in the first batch from a
     * session that gives it up only in a later one met it still held there, and the write failed after its backup.
     */
    @ParameterizedTest
    @MethodSource("stores")
    void aMessageIdTakenBatchesBeforeTheSessionThatLeavesItIsRewrittenMoves(String dialect) {
        String locator = dialect.equals("sqlite") ? "sqlite:" + dir.resolve("chat.db") + "?layout=chat"
                : TestPostgres.get().freshSchema("layout=chat").display();
        StoreLocator target = StoreContents.create(locator, LongStream.range(0, 3000).mapToObj(SampleSessions::chatRecord).toList());
        List<SessionRecord> records = new ArrayList<>();
        records.add(ChatSessions.withFirstMessageId(3000, "msg-002999-0"));
        LongStream.range(3001, 3300).mapToObj(SampleSessions::chatRecord).forEach(records::add);
        records.add(ChatSessions.withFirstMessageId(2999, "msg-renamed"));
        String source = jsonStore("source.json", records);

        CliRun run = CliRun.of("migrate", source, target.display(), "--mode", "merge", "--backup-dir", journal());

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<SessionRecord> written = StoreContents.records(target);
        assertThat(written).hasSize(3300).contains(ChatSessions.withFirstMessageId(3000, "msg-002999-0"),
                ChatSessions.withFirstMessageId(2999, "msg-renamed"), SampleSessions.chatRecord(3299));
    }
}
