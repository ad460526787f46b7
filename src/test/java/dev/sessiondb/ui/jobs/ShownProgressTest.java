package dev.sessiondb.ui.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.job.ProgressTracker;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which snapshots a view shows: chosen from the snapshots alone, so two views of one job agree. */
class ShownProgressTest {

    private static final long MILLISECOND = 1_000_000L;

    private final long[] now = {0};
    private final ProgressTracker job = new ProgressTracker(() -> now[0]);
    private final List<String> panel = new ArrayList<>();
    private final List<String> wizard = new ArrayList<>();

    ShownProgressTest() {
        ShownProgress panelShows = new ShownProgress();
        ShownProgress wizardShows = new ShownProgress();
        job.addListener(snapshot -> panelShows.ifDue(snapshot, shown -> panel.add(shown.phase() + " " + shown.done())));
        job.addListener(snapshot -> wizardShows.ifDue(snapshot, shown -> wizard.add(shown.phase() + " " + shown.done())));
    }

    private void count(String phase, int records, long total) {
        job.message(phase);
        long start = now[0];
        for (int done = 1; done <= records; done++) {
            now[0] = start + done * 20 * MILLISECOND; // as often as the tracker publishes
            job.progress(done, total);
        }
    }

    @Test
    void aPhaseShowsItsStartItsLastCountAndOneCountInEachFifthOfASecond() {
        count("writing target", 50, 50); // a second in all
        count("verifying", 15, 50);

        assertThat(panel).containsExactly("writing target 0", "writing target 10", "writing target 20", "writing target 30",
                "writing target 40", "writing target 50", "verifying 0", "verifying 10");
        assertThat(wizard).isEqualTo(panel);
    }

    @Test
    void aPhaseStartedAgainUnderTheSameNameIsShownFromItsStart() {
        count("writing target", 30, 100);
        count("writing target", 1, 100);

        assertThat(panel).endsWith("writing target 30", "writing target 0");
    }

    @Test
    void aCancelIsShownAtOnce() {
        count("writing target", 3, 100);
        job.cancel();

        assertThat(panel).endsWith("writing target 3");
    }
}
