package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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

    private String planMinskyIntoChatSessions(String mode) {
        return ConsolidateMixedKindsTest.dryRunOfMinskyIntoChatSessions(dir, "migrate", mode);
    }
}
