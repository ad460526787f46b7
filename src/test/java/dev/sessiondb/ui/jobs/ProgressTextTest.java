package dev.sessiondb.ui.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProgressTextTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void progressShowsDoneOfTotalRateAndTimeLeft() {
        assertThat(ProgressText.describe(1_000, 11_000, 2 * SECOND)).isEqualTo("1,000 of 11,000 · 500/s · about 20 s left");
    }

    @Test
    void longJobsCountInMinutesAndHours() {
        assertThat(ProgressText.describe(100, 100_000, 10 * SECOND)).endsWith("about 2 h 46 min left");
        assertThat(ProgressText.describe(1_000, 100_000, 10 * SECOND)).endsWith("about 16 min 30 s left");
    }

    @Test
    void anUnknownTotalShowsOnlyWhatIsDone() {
        assertThat(ProgressText.describe(42, -1, SECOND / 10)).isEqualTo("42");
    }
}
