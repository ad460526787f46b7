package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.job.StoreContents;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.sql.TestPostgres;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ls --filter status=DONE of a chat server's sessions, none of which has a status, printed "0 sessions" and nothing else, so the
 * value looked wrong; it now says on stderr that none of the store's sessions has the field, the exit code still 0.
 */
class ListFilterOnFieldNoneHasTest {

    private static final String NOTE = "note: --filter 'status=DONE': none of the sessions in ";

    @TempDir
    Path dir;

    @Test
    void aListingThatReadEverySessionSaysNoneHasTheField() {
        String store = StoreContents.create("json:" + dir.resolve("chat.json"), chat(5)).display();

        CliRun streamed = CliRun.of("ls", store, "--filter", "status=DONE");
        CliRun sorted = CliRun.of("ls", store, "--filter", "status=DONE", "--sort", "createdAt");

        assertThat(streamed.exitCode()).as(streamed.err()).isZero();
        assertThat(streamed.out()).contains("0 sessions");
        assertThat(streamed.err()).contains(NOTE + store + " has this field, so none can match");
        assertThat(sorted.exitCode()).as(sorted.err()).isZero();
        assertThat(sorted.err()).contains(NOTE + store + " has this field");
    }

    /** A page SQL answers (a limit, a sort) asks the database whether any row has the field, or reads it where no column has it. */
    @Test
    void aPageTheDatabaseAnsweredAsksItWhetherAnySessionHasTheField() {
        String nativeStore = StoreContents.create("sqlite:" + dir.resolve("native.db"), chat(5)).display();
        String chatLayout = StoreContents.create("sqlite:" + dir.resolve("chat.db") + "?layout=chat", chat(5)).display();
        String postgres = StoreContents.create(TestPostgres.get().freshSchema().display(), chat(5)).display();

        for (String store : List.of(nativeStore, chatLayout, postgres)) {
            CliRun page = CliRun.of("ls", store, "--filter", "status=DONE", "--sort", "createdAt", "--limit", "5");

            assertThat(page.exitCode()).as(page.err()).isZero();
            assertThat(page.err()).as(store).contains("none of the sessions in ").contains("has this field");
        }
    }

    @Test
    void aValueNoSessionHasInAFieldSomeHaveIsNotNoted() {
        List<SessionRecord> minsky = SampleSessions.minskyList(20, 1);
        String json = StoreContents.create("json:" + dir.resolve("minsky.json"), minsky).display();
        String sqlite = StoreContents.create("sqlite:" + dir.resolve("minsky.db"), minsky).display();

        assertThat(minsky).anyMatch(record -> record.has("status"));
        for (String store : List.of(json, sqlite)) {
            assertThat(CliRun.of("ls", store, "--filter", "status=NO-SUCH-STATUS").err()).as(store).doesNotContain("has this field");
            assertThat(CliRun.of("ls", store, "--filter", "status=NO-SUCH-STATUS", "--sort", "createdAt", "--limit", "5").err())
                    .as(store).doesNotContain("has this field");
        }
    }

    /** Sessions without a status are every one of them: listed, the answer needs no word. */
    @Test
    void aFilterForSessionsWithoutTheFieldListsThemAllWithoutANote() {
        String store = StoreContents.create("json:" + dir.resolve("chat.json"), chat(3)).display();

        CliRun run = CliRun.of("ls", store, "--without", "status");

        assertThat(run.out()).contains("3 sessions");
        assertThat(run.err()).doesNotContain("has this field");
    }

    private static List<SessionRecord> chat(int count) {
        return LongStream.range(0, count).mapToObj(SampleSessions::chatRecord).toList();
    }
}
