package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.job.StoreContents;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.sample.ChatSessions;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.sql.TestPostgres;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A replace into a chat server's tables where a few sessions differ rewrote every session and message; it now writes the changed
 * and new sessions and deletes those the source lacks, as into this tool's own layout (ReplaceOfChangedRecordsTest), even where a
 * message moves to another session: from one the replace removes, or two sessions' messages trading ids.
 */
class ChatReplaceInPlaceTest {

    private static final int HELD = 20;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aReplaceWritesTheChangedSessionsAloneAndTheTargetEndsAsTheSource(String dialect) throws Exception {
        Path file = dir.resolve("chat.db");
        String target = StoreContents.create(dialect.equals("sqlite") ? "sqlite:" + file + "?layout=chat"
                : TestPostgres.get().freshSchema("layout=chat").display(), held()).display();
        String source = StoreContents.create("json:" + dir.resolve("source.json"), changed()).display();
        if (dialect.equals("sqlite")) {
            RowsTouched.record(file);
        }

        CliRun replace = CliRun.of("migrate", source, target, "--mode", "replace", "--backup-dir", journal());

        assertThat(replace.exitCode()).as(replace.err()).isZero();
        assertThat(replace.out()).contains("records new to the target:         1", "records replacing a different one: 4",
                "records the target holds already:  15", "target records removed:            1", "records written:                   5\n",
                "records verified:                  20", "backup:").doesNotContain("written records unchanged");
        if (dialect.equals("sqlite")) {
            assertThat(RowsTouched.since(file)).as("sessions rows the replace inserted, updated or deleted").isEqualTo(6);
        }
        assertThat(CliRun.of("diff", source, target).exitCode()).as("the target holds exactly the source").isZero();
    }

    /** A message id two sessions of the source give is refused by the plan, as before: the replace writes nothing. */
    @Test
    void aReplaceGivingOneMessageIdToTwoSessionsIsStillRefused() throws Exception {
        Path file = dir.resolve("chat.db");
        String target = StoreContents.create("sqlite:" + file + "?layout=chat", held()).display();
        List<SessionRecord> records = new ArrayList<>(held());
        records.set(3, ChatSessions.withFirstMessageId(3, "msg-000004-0"));
        String source = StoreContents.create("json:" + dir.resolve("source.json"), records).display();

        CliRun replace = CliRun.of("migrate", source, target, "--mode", "replace", "--backup-dir", journal());

        assertThat(replace.exitCode()).isEqualTo(2);
        assertThat(replace.err()).contains("message 'msg-000004-0' of session chat-000004 is given by session chat-000003 too");
        assertThat(StoreContents.records(target)).isEqualTo(held());
    }

    private static List<SessionRecord> held() {
        return LongStream.range(0, HELD).mapToObj(SampleSessions::chatRecord).toList();
    }

    /**
     * Session 0's user edited, session 1 left out and its first message now session 2's, sessions 3 and 5 trading their first
     * messages' ids, one session more: 15 held as they are.
     */
    private static List<SessionRecord> changed() {
        List<SessionRecord> records = new ArrayList<>(held());
        ObjectNode edited = records.get(0).fields();
        edited.put("userId", "edited");
        records.set(0, SessionRecord.of(edited));
        records.set(2, ChatSessions.withFirstMessageId(2, "msg-000001-0"));
        records.set(3, ChatSessions.withFirstMessageId(3, "msg-000005-0"));
        records.set(5, ChatSessions.withFirstMessageId(5, "msg-000003-0"));
        records.remove(1);
        records.add(SampleSessions.chatRecord(HELD));
        return records;
    }

    private String journal() {
        return dir.resolve("journal").toString();
    }
}
