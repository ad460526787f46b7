package dev.sessiondb.ui.jobs;

import dev.sessiondb.job.ProgressTracker;
import java.util.function.Consumer;

/**
 * Which of a job's progress snapshots a view shows: a phase's first and last, its cancel, and
 * otherwise one in each fifth of a second of the phase, counted from the phase's start. The rule
 * looks only at the snapshots, so the jobs panel and a wizard listening to the same job show the
 * same snapshot, and a bar always beside its own text.
 */
public final class ShownProgress {

    private static final long SHOWN_EVERY_MILLIS = 200;

    private volatile ProgressTracker.Snapshot shown;

    /** Passes the snapshot on when it is due; a job reports from one thread at a time. */
    public void ifDue(ProgressTracker.Snapshot next, Consumer<ProgressTracker.Snapshot> show) {
        ProgressTracker.Snapshot last = shown;
        // a phase starts again at zero, even under the same name
        if (last == null || !next.phase().equals(last.phase()) || next.elapsed().compareTo(last.elapsed()) < 0
                || next.cancelRequested() != last.cancelRequested() || (next.total() >= 0 && next.done() == next.total())
                || fifthOfASecond(next) > fifthOfASecond(last)) {
            shown = next;
            show.accept(next);
        }
    }

    private static long fifthOfASecond(ProgressTracker.Snapshot snapshot) {
        return snapshot.elapsed().toMillis() / SHOWN_EVERY_MILLIS;
    }
}
