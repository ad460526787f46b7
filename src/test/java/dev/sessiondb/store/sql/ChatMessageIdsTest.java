package dev.sessiondb.store.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.sample.ChatSessions;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.WriteBatch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The chat server keys its messages by id across sessions: a record whose message took an id another session's message has
 * moved that message to it (an upsert by id), so a merge into a chat store took a message from a session the job never wrote,
 * and no verification of the written records could see it. Now such a write fails whole, saying why.
 */
class ChatMessageIdsTest {

    @TempDir
    static Path dir;

    static Stream<String> stores() {
        return Stream.of("sqlite", "postgresql");
    }

    private static SessionStore fresh(String dialect, String name) {
        StoreLocator locator = dialect.equals("sqlite") ? StoreLocator.parse("sqlite:" + dir.resolve(name + ".db") + "?layout=chat")
                : TestPostgres.get().freshSchema("layout=chat");
        return StoreFactory.open(locator, OpenMode.CREATE_IF_MISSING);
    }

    @ParameterizedTest
    @MethodSource("stores")
    void aMessageIdAnotherSessionHoldsFailsTheWriteAndLeavesThatSessionWhole(String dialect) {
        try (SessionStore store = fresh(dialect, "held")) {
            SessionRecord held = SampleSessions.chatRecord(0);
            store.put(held);

            assertThatThrownBy(() -> store.put(ChatSessions.withFirstMessageId(1, "msg-000000-0")))
                    .isInstanceOf(StoreException.class).hasMessageContaining("two sessions give one messages.id")
                    .hasMessageContaining("nothing was changed").hasMessageContaining("?layout=native");

            assertThat(store.get("chat-000000")).contains(held);
            assertThat(store.get("chat-000001")).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("stores")
    void twoSessionsOfOneWriteGivingOneMessageIdFailItWhole(String dialect) {
        try (SessionStore store = fresh(dialect, "batch")) {
            store.put(SampleSessions.chatRecord(9));
            List<SessionRecord> clashing = List.of(SampleSessions.chatRecord(0), ChatSessions.withFirstMessageId(1, "msg-000000-0"));

            assertThatThrownBy(() -> store.write(WriteBatch.upsert(clashing.iterator(), 2), ProgressMonitor.NONE))
                    .isInstanceOf(StoreException.class).hasMessageContaining("two sessions give one messages.id");

            assertThat(store.count()).isEqualTo(1);
        }
    }

    /** SQLite writes in batches: a message taken batches before the write's end is still refused when its session is not rewritten. */
    @ParameterizedTest
    @MethodSource("stores")
    void aMessageIdTakenFromASessionTheWriteLeavesFailsItWholeFromAnyBatch(String dialect) {
        try (SessionStore store = fresh(dialect, "theft")) {
            SessionRecord held = SampleSessions.chatRecord(0);
            store.put(held);
            List<SessionRecord> records = new ArrayList<>();
            records.add(ChatSessions.withFirstMessageId(1, "msg-000000-0"));
            LongStream.range(2, 600).mapToObj(SampleSessions::chatRecord).forEach(records::add);

            assertThatThrownBy(() -> store.write(WriteBatch.upsert(records.iterator(), records.size()), ProgressMonitor.NONE))
                    .isInstanceOf(StoreException.class).hasMessageContaining("two sessions give one messages.id");

            assertThat(store.count()).isEqualTo(1);
            assertThat(store.get("chat-000000")).contains(held);
        }
    }
}
