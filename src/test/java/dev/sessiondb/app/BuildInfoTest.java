package dev.sessiondb.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BuildInfoTest {

    @Test
    void theBuildWritesThePomsVersionAndTheCommitIntoTheJar() {
        assertThat(BuildInfo.current().version()).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(BuildInfo.current().commit()).matches("[0-9a-f]{7,}");
    }

    @Test
    void aBuildOutsideGitSaysItsCommitIsUnknown() {
        assertThat(new BuildInfo("0.1.0", "unknown").describe()).isEqualTo("0.1.0 (unknown commit)");
        assertThat(new BuildInfo("0.1.0", "1986a14893").describe()).isEqualTo("0.1.0 (commit 1986a14893)");
    }
}
