package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.job.StoreContents;
import dev.sessiondb.sample.SampleSessions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A first-time user's tour found a merge of Minsky's sessions into a chat server's store planned "nothing is lost" without the
 * warning consolidate gives of the same mix ({@link ConsolidateMixedKindsTest}).
 */
class MigrateMixedKindsTest {

    @TempDir
    Path dir;

    @Test
    void aMergeIntoAStoreOfAnotherToolsSessionsWarnsAsConsolidateDoesCountingTheTargetsOwn() {
        assertThat(planMinskyIntoChatSessions("merge")).contains("warning: the target will mix kinds of session: 217 Minsky sessions,"
                + " 3 chat server sessions (the target's own: 3 chat server sessions); the tools that read a store expect sessions of"
                + " their own kind only");
    }

    @Test
    void aReplaceKeepsNoneOfTheTargetsSessionsSoMixesNothing() {
        assertThat(planMinskyIntoChatSessions("replace")).contains("target records removed:            3").doesNotContain("mix kinds");
    }

    /** Minsky's tables hold Minsky's sessions only: the target's kept ones are counted without reading them. */
    @Test
    void aMergeOfChatSessionsIntoMinskysTablesWarnsCountingTheTablesOwnAsMinskys() {
        String target = StoreContents.create("sqlite:" + dir.resolve("minsky.db") + "?layout=minsky", SampleSessions.minskyList(5, 1)).display();
        String source = StoreContents.create("json:" + dir.resolve("chat.json"), List.of(SampleSessions.chatRecord(0), SampleSessions.chatRecord(1))).display();

        CliRun plan = CliRun.of("migrate", source, target, "--mode", "merge", "--dry-run", "--backup-dir", dir.resolve("journal").toString());

        assertThat(plan.out()).contains("warning: the target will mix kinds of session: 5 Minsky sessions, 2 chat server sessions"
                + " (the target's own: 5 Minsky sessions)");
    }

    private String planMinskyIntoChatSessions(String mode) {
        return ConsolidateMixedKindsTest.dryRunOfMinskyIntoChatSessions(dir, "migrate", mode);
    }
}
