package dev.sessiondb.ui.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.job.ProgressTracker;
import dev.sessiondb.progress.ReadTotal;
import org.junit.jupiter.api.Test;

/** The UI's progress line shows the rate and ETA {@link ProgressTracker} computed, as the CLI bar does. */
class ProgressTextTest {

    private static final long SECOND = 1_000_000_000L;

    private static String describe(long done, long total, long elapsedNanos) {
        long[] now = {0};
        ProgressTracker tracker = new ProgressTracker(() -> now[0]);
        tracker.message("writing");
        now[0] = elapsedNanos;
        tracker.progress(done, total);
        return ProgressText.describe(tracker.snapshot());
    }

    @Test
    void progressShowsDoneOfTotalRateAndTimeLeft() {
        assertThat(describe(1_000, 11_000, 2 * SECOND)).isEqualTo("Writing: 1,000 of 11,000 · 500/s · about 20 s left");
    }

    @Test
    void longJobsCountInMinutesAndHours() {
        assertThat(describe(100, 100_000, 10 * SECOND)).endsWith("about 2 h 46 min left");
        assertThat(describe(1_000, 100_000, 10 * SECOND)).endsWith("about 16 min 30 s left");
    }

    @Test
    void aTotalEstimatedWhileAFileIsReadSaysSo() {
        long[] now = {0};
        ProgressTracker tracker = new ProgressTracker(() -> now[0]);
        tracker.message("writing");
        tracker.totalWhileReading(() -> new ReadTotal(11_000, false));
        now[0] = 2 * SECOND;
        tracker.progress(1_000, -1);

        assertThat(ProgressText.describe(tracker.snapshot())).isEqualTo("Writing: 1,000 of about 11,000 · 500/s · about 20 s left");
    }

    @Test
    void anUnknownTotalShowsOnlyWhatIsDone() {
        assertThat(describe(42, -1, SECOND / 10)).isEqualTo("Writing: 42");
    }

    @Test
    void aPhaseWithNothingCountedYetIsItsName() {
        assertThat(describe(0, -1, 0)).isEqualTo("Writing");
    }

    @Test
    void timeLeftIsRoundedUpNotDown() {
        // 130,532 left at 74,299/s is 1.76 s: "about 1 s" promised too much
        assertThat(describe(69_468, 200_000, 935 * SECOND / 1000)).endsWith("about 2 s left");
    }

    @Test
    void aCancelIsSaidAtOnceAndOncePastTheWriteThatTheJobFinishes() {
        ProgressTracker tracker = new ProgressTracker(() -> 0);
        tracker.message("writing target");
        tracker.cancel();
        assertThat(ProgressText.describe(tracker.snapshot())).isEqualTo("Writing target · cancelling …");

        tracker.uncancellable().message("verifying");

        assertThat(ProgressText.describe(tracker.snapshot())).isEqualTo("The write is done, so cancel no longer stops the job; it finishes: Verifying");
    }
}
