package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessiondb.job.StoreContents;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.KindsHeld;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.sql.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * info said "Layout: native" of a chat server's sessions written into the native layout, and nothing told whose sessions they
 * were; it now says whose, for every layout, and counts each kind of a store holding several.
 */
class InfoSessionKindsTest {

    @TempDir
    Path dir;

    @Test
    void aNativeStoreOfChatSessionsSaysTheyAreAChatServers() {
        String store = StoreContents.create("sqlite:" + dir.resolve("chat.db"), chat(10)).display();

        CliRun run = CliRun.of("info", store);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Layout:         native", "Sessions:       10\nSessions of:    a chat server\n");
    }

    @Test
    void eachLayoutSaysWhoseSessionsItHolds() {
        String minsky = StoreContents.create("json:" + dir.resolve("minsky.json"), SampleSessions.minskyList(5, 1)).display();
        String magellai = StoreContents.create("jsondir:" + dir.resolve("magellai"), magellai(3)).display();

        assertThat(CliRun.of("info", minsky).out()).contains("Sessions of:    Minsky\n");
        assertThat(CliRun.of("info", magellai).out()).contains("Sessions of:    magellai\n");
    }

    /** info of a JSON file of a chat server's sessions said "Layout: minsky" and Minsky's era, as if Minsky had written it. */
    @Test
    void aFileOfAnotherToolsSessionsNamesNoEraAndSaysItsLayoutIsOnlyAShape() throws Exception {
        String chat = StoreContents.create("json:" + dir.resolve("chat.json"), chat(4)).display();
        String chatInMagellaisShape = StoreContents.create("jsondir:" + dir.resolve("chatdir"), chat(2)).display();
        String minsky = StoreContents.create("json:" + dir.resolve("minsky.json"), SampleSessions.minskyList(3, 1)).display();

        CliRun table = CliRun.of("info", chat);
        JsonNode json = JsonCodec.parse(CliRun.of("info", chat, "--format", "json").out());

        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out()).contains("Layout:         minsky (Minsky's shape, holding other tools' sessions)\n", "Sessions of:    a chat server\n")
                .doesNotContain("Era:");
        assertThat(json.get("layout").asText()).isEqualTo("minsky");
        assertThat(json.has("era")).isFalse();
        assertThat(CliRun.of("info", chatInMagellaisShape).out()).contains("Layout:         magellai (magellai's shape, holding other tools' sessions)\n");
        assertThat(CliRun.of("info", minsky).out()).contains("Layout:         minsky\n", "Era:            minsky-json (Minsky JSON file, until August 2025)\n");
    }

    /** Minsky wrote none of a chat server's sessions beside its own: a file holding both names no era of Minsky's either. */
    @Test
    void aFileMixingMinskysSessionsWithAnotherToolsNamesNoEra() {
        List<SessionRecord> records = new ArrayList<>(SampleSessions.minskyList(3, 1));
        records.addAll(chat(1));
        String mixed = StoreContents.create("json:" + dir.resolve("mixed.json"), records).display();

        assertThat(CliRun.of("info", mixed).out()).contains("Layout:         minsky (Minsky's shape, holding other tools' sessions)\n",
                "Sessions of:    mixed: Minsky 3, chat server 1\n").doesNotContain("Era:");
    }

    @Test
    void aStoreHoldingSeveralKindsCountsEachMostFirst() throws Exception {
        List<SessionRecord> records = new ArrayList<>(SampleSessions.minskyList(4, 1));
        records.addAll(chat(6));
        String store = StoreContents.create("sqlite:" + dir.resolve("mixed.db"), records).display();

        CliRun table = CliRun.of("info", store);
        JsonNode json = JsonCodec.parse(CliRun.of("info", store, "--format", "json").out());

        assertThat(table.out()).contains("Sessions of:    mixed: chat server 6, Minsky 4\n");
        assertThat(json.get("sessionsOf")).isEqualTo(JsonCodec.parse("{\"minsky\": 4, \"chat\": 6}"));
    }

    @Test
    void aPostgresqlNativeStoreCountsItsKindsToo() {
        List<SessionRecord> records = new ArrayList<>(SampleSessions.minskyList(2, 1));
        records.addAll(magellai(3));
        String store = StoreContents.create(TestPostgres.get().freshSchema().display(), records).display();

        CliRun run = CliRun.of("info", store);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Sessions of:    mixed: magellai 3, Minsky 2\n");
    }

    @Test
    void anEmptyStoreSaysNoKind() throws Exception {
        String store = StoreContents.create("json:" + dir.resolve("empty.json"), List.of()).display();

        CliRun run = CliRun.of("info", store);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Sessions:       0").doesNotContain("Sessions of");
        assertThat(JsonCodec.parse(CliRun.of("info", store, "--format", "json").out()).get("sessionsOf").isEmpty()).isTrue();
    }

    /** info of a million sessions in a JSON file took twice as long once it counted their kinds: past a limit it counts them when asked. */
    @Test
    void aStoreBeyondTheLimitCountsItsKindsOnlyWhenAsked() throws Exception {
        Path file = dir.resolve("big.json");
        StringBuilder text = new StringBuilder("[");
        for (long i = 0; i <= KindsHeld.COUNTED_UNASKED_UP_TO; i++) {
            text.append(i == 0 ? "" : ",").append("{\"id\":\"c").append(i).append("\",\"tenantId\":\"t\"}");
        }
        Files.writeString(file, text.append("]"));

        CliRun unasked = CliRun.of("info", "json:" + file);
        CliRun asked = CliRun.of("info", "json:" + file, "--kinds");

        assertThat(unasked.out()).contains("Sessions of:    not counted in 100,001 sessions (info --kinds reads every one to count them)\n");
        assertThat(JsonCodec.parse(CliRun.of("info", "json:" + file, "--format", "json").out()).has("sessionsOf")).isFalse();
        assertThat(asked.out()).contains("Sessions of:    a chat server\n");
    }

    private static List<SessionRecord> chat(int count) {
        return LongStream.range(0, count).mapToObj(SampleSessions::chatRecord).toList();
    }

    private static List<SessionRecord> magellai(int count) {
        return LongStream.range(0, count).mapToObj(SampleSessions::magellaiRecord).toList();
    }
}
