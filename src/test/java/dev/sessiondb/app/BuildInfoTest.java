package dev.sessiondb.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BuildInfoTest {

    @Test
    void theBuildWritesThePomsVersionIntoTheJar() {
        assertThat(BuildInfo.current().version()).isEqualTo("0.1.0-SNAPSHOT");
    }

    @Test
    void aBuildOutsideGitSaysItsCommitIsUnknown() {
        assertThat(new BuildInfo("0.1.0", "unknown", false).describe()).isEqualTo("0.1.0 (unknown commit)");
        assertThat(new BuildInfo("0.1.0", "1986a14893", true).describe()).isEqualTo("0.1.0 (commit 1986a14893 + local changes)");
    }
}
