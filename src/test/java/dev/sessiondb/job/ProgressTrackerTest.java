package dev.sessiondb.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.sessiondb.progress.ReadTotal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTrackerTest {

    private final AtomicLong nanos = new AtomicLong();
    private final ProgressTracker tracker = new ProgressTracker(nanos::get);

    @Test
    void rateAndEtaFollowTheRecordsDoneInThePhase() {
        tracker.message("writing target");
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        tracker.progress(200, 1000);

        ProgressTracker.Snapshot snapshot = tracker.snapshot();
        assertThat(snapshot.phase()).isEqualTo("writing target");
        assertThat(snapshot.ratePerSecond()).isEqualTo(100.0);
        assertThat(snapshot.eta()).contains(Duration.ofSeconds(8));
        assertThat(snapshot.fraction()).isEqualTo(0.2);
    }

    @Test
    void aNewPhaseStartsCountingAgain() {
        tracker.message("reading");
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        tracker.progress(50, 50);
        tracker.message("verifying");

        assertThat(tracker.snapshot().done()).isZero();
        assertThat(tracker.snapshot().eta()).isEmpty();
    }

    @Test
    void unknownTotalHasNoFractionNorEta() {
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        tracker.progress(10, -1);

        assertThat(tracker.snapshot().fraction()).isEqualTo(-1);
        assertThat(tracker.snapshot().eta()).isEmpty();
    }

    @Test
    void anUnknownTotalIsEstimatedFromTheSourcesReadingUntilItIsKnown() {
        ReadTotal[] read = {new ReadTotal(1_000, false)};
        tracker.message("writing target");
        tracker.totalWhileReading(() -> read[0]);
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        tracker.progress(200, -1);

        assertThat(tracker.snapshot()).extracting(ProgressTracker.Snapshot::total, ProgressTracker.Snapshot::totalEstimated).containsExactly(1_000L, true);
        assertThat(tracker.snapshot().fraction()).isEqualTo(0.2);
        assertThat(tracker.snapshot().eta()).contains(Duration.ofSeconds(8));

        read[0] = new ReadTotal(990, true);
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        tracker.progress(300, -1);
        assertThat(tracker.snapshot()).extracting(ProgressTracker.Snapshot::total, ProgressTracker.Snapshot::totalEstimated).containsExactly(990L, false);

        // a total the work reports itself wins, and the next phase has no source to ask
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        tracker.progress(400, 500);
        assertThat(tracker.snapshot().total()).isEqualTo(500);
        tracker.message("verifying");
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        tracker.progress(10, -1);
        assertThat(tracker.snapshot()).extracting(ProgressTracker.Snapshot::total, ProgressTracker.Snapshot::totalEstimated).containsExactly(-1L, false);
    }

    @Test
    void progressReachesListenersAFewTimesASecondAndAtThePhasesLastItem() {
        List<ProgressTracker.Snapshot> seen = new ArrayList<>();
        tracker.addListener(seen::add);
        tracker.message("writing target");

        for (int done = 1; done <= 1000; done++) {
            nanos.addAndGet(Duration.ofMillis(1).toNanos());
            tracker.progress(done, 1000);
        }

        // the phase's own snapshot, then its first item and one every 20 ms of the second
        assertThat(seen).hasSizeBetween(41, 61);
        assertThat(seen.get(1).done()).isEqualTo(1L);
        assertThat(seen).last().extracting(ProgressTracker.Snapshot::done).isEqualTo(1000L);
        assertThat(tracker.snapshot().fraction()).isEqualTo(1.0);
    }

    @Test
    void aPhasesLastCountHeldBackIsPublishedWhenTheNextPhaseStarts() {
        List<ProgressTracker.Snapshot> seen = new ArrayList<>();
        tracker.addListener(seen::add);
        tracker.message("planning");

        for (int done = 1; done <= 217; done++) {
            tracker.progress(done, -1);
        }
        tracker.message("writing target");

        assertThat(seen).extracting(ProgressTracker.Snapshot::phase, ProgressTracker.Snapshot::done)
                .containsExactly(tuple("planning", 0L), tuple("planning", 1L),
                        tuple("planning", 217L), tuple("writing target", 0L));
    }

    @Test
    void cancelIsSeenByTheJobAndByListeners() {
        List<ProgressTracker.Snapshot> seen = new ArrayList<>();
        tracker.addListener(seen::add);

        tracker.cancel();

        assertThat(tracker.isCancelled()).isTrue();
        assertThat(seen).last().extracting(ProgressTracker.Snapshot::cancelRequested).isEqualTo(true);
    }
}
