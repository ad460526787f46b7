package dev.sessiondb.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.job.StoreContents;
import dev.sessiondb.model.SessionKind;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A diff of two stores holding different tools' sessions counted them only in A and only in B, correct but no hint to a user who
 * picked the wrong store; its summary now says first that the stores share no kind of session, in whichever way the diff reads them.
 */
class DiffOfDifferentKindsTest {

    private static final String MINSKY_AND_CHAT = "A holds Minsky's sessions, B a chat server's: no session can be the same in both.";

    @TempDir
    Path dir;

    @Test
    void aMinskyFileAndANativeStoreOfChatSessionsShareNoKind() {
        DiffSummary summary = diff("json:" + dir.resolve("minsky.json"), SampleSessions.minskyList(5, 1),
                "sqlite:" + dir.resolve("chat.db"), chat(0, 4));

        assertThat(summary.differentKinds()).contains(MINSKY_AND_CHAT);
        assertThat(summary).extracting(DiffSummary::onlyInA, DiffSummary::onlyInB, DiffSummary::changed).containsExactly(5L, 4L, 0L);
    }

    /** Two native SQLite files, which the database pairs without reading an identical record into Java. */
    @Test
    void twoNativeSqliteStoresPairedInTheDatabaseToo() {
        DiffSummary summary = diff("sqlite:" + dir.resolve("minsky.db"), SampleSessions.minskyList(5, 1), "sqlite:" + dir.resolve("chat.db"), chat(0, 4));

        assertThat(summary.differentKinds()).contains(MINSKY_AND_CHAT);
    }

    /** Minsky's tables hold its sessions alone: that side's kind is known without a record. */
    @Test
    void aMinskyLayoutAgainstMagellaiSessions() {
        DiffSummary summary = diff("sqlite:" + dir.resolve("minsky.db") + "?layout=minsky", SampleSessions.minskyList(3, 1),
                "json:" + dir.resolve("magellai.json"), LongStream.range(0, 2).mapToObj(SampleSessions::magellaiRecord).toList());

        assertThat(summary.differentKinds()).contains("A holds Minsky's sessions, B magellai's: no session can be the same in both.");
    }

    @Test
    void storesSharingOneKindOfSeveralSayNothing() {
        List<SessionRecord> mixed = new ArrayList<>(SampleSessions.minskyList(3, 1));
        mixed.addAll(chat(0, 2));

        DiffSummary summary = diff("json:" + dir.resolve("mixed.json"), mixed, "json:" + dir.resolve("chat.json"), chat(10, 3));

        assertThat(summary.differentKinds()).isEmpty();
    }

    @Test
    void severalKindsAgainstAnotherAreNamedEach() {
        List<SessionRecord> mixed = new ArrayList<>(SampleSessions.minskyList(3, 1));
        mixed.addAll(LongStream.range(0, 2).mapToObj(SampleSessions::magellaiRecord).toList());

        DiffSummary summary = diff("json:" + dir.resolve("mixed.json"), mixed, "json:" + dir.resolve("chat.json"), chat(0, 3));

        assertThat(summary.differentKinds()).contains("A holds Minsky's and magellai's sessions, B a chat server's: no session can be the same in both.");
    }

    @Test
    void anEmptyStoreSharesNoKindButIsNotSaidTo() {
        DiffSummary summary = diff("json:" + dir.resolve("empty.json"), List.of(), "json:" + dir.resolve("chat.json"), chat(0, 3));

        assertThat(summary.differentKinds()).isEmpty();
        assertThat(summary.onlyInB()).isEqualTo(3);
    }

    /** Two sessions compared field by field (diff --session, the window's two session boxes) said nothing of being two tools'. */
    @Test
    void twoSessionsOfDifferentToolsSayTheyCannotBeTheSame() {
        try (SessionStore minsky = StoreFactory.open(StoreContents.create("json:" + dir.resolve("minsky.json"), SampleSessions.minskyList(1, 1)), OpenMode.EXISTING);
             SessionStore chat = StoreFactory.open(StoreContents.create("sqlite:" + dir.resolve("chat.db"), chat(0, 1)), OpenMode.EXISTING)) {
            SessionRecord task = SampleSessions.minskyList(1, 1).get(0);
            SessionsCompared apart = new StoreDiff(Set.of()).compareSessions(minsky, chat, task, chat(0, 1).get(0));
            SessionsCompared alike = new StoreDiff(Set.of()).compareSessions(minsky, minsky, task, SampleSessions.minskyList(2, 1).get(1));

            assertThat(apart.differentKinds()).contains("A is Minsky's session, B a chat server's: they cannot be the same session.");
            assertThat(apart.summary().differentKinds()).isEqualTo(apart.differentKinds());
            assertThat(apart.isIdentical()).isFalse();
            assertThat(alike.differentKinds()).isEmpty();
        }
    }

    /** A one-side record's kind is told by its top-level names only: a name inside a nested value or a string is no field of it. */
    @Test
    void aRecordsKindIsToldByItsTopLevelNamesAlone() {
        assertThat(KindsMet.ofText(bytes("{\"id\":\"c1\",\"traits\":{\"conversation\":1,\"session\":[\"repoName\"]},\"tenantId\":\"t\"}")))
                .isEqualTo(SessionKind.CHAT);
        assertThat(KindsMet.ofText(bytes("{\"id\":\"m1\",\"messages\":[{\"content\":\"a \\\"quoted\\\", \\\"session\\\":\"}],\"conversation\":null}")))
                .isEqualTo(SessionKind.MAGELLAI);
        assertThat(KindsMet.ofText(bytes("{\"sessionId\":\"s\"}"))).isEqualTo(SessionKind.MINSKY);
        assertThat(KindsMet.ofText(bytes("{\"id\":\"x\",\"tags\":[{\"tenantId\":1}]}"))).isEqualTo(SessionKind.OTHER);
        assertThat(SampleSessions.minskyList(20, 3)).allSatisfy(record -> assertThat(KindsMet.ofText(bytes(record.compact()))).isEqualTo(SessionKind.MINSKY));
        assertThat(chat(0, 20)).allSatisfy(record -> assertThat(KindsMet.ofText(bytes(record.compact()))).isEqualTo(SessionKind.CHAT));
        assertThat(LongStream.range(0, 20).mapToObj(SampleSessions::magellaiRecord))
                .allSatisfy(record -> assertThat(KindsMet.ofText(bytes(record.compact()))).isEqualTo(SessionKind.MAGELLAI));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static DiffSummary diff(String locatorA, List<SessionRecord> recordsA, String locatorB, List<SessionRecord> recordsB) {
        try (SessionStore a = StoreFactory.open(StoreContents.create(locatorA, recordsA), OpenMode.EXISTING);
             SessionStore b = StoreFactory.open(StoreContents.create(locatorB, recordsB), OpenMode.EXISTING)) {
            return new StoreDiff(Set.of()).compare(a, b, new CollectedFindings(), ProgressMonitor.NONE);
        }
    }

    private static List<SessionRecord> chat(long first, int count) {
        return LongStream.range(first, first + count).mapToObj(SampleSessions::chatRecord).toList();
    }
}
