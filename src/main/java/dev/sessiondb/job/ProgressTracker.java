package dev.sessiondb.job;

import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.progress.ReadTotal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The progress of one running job: done/total per phase, rate and ETA, and cancel. The CLI's
 * terminal bar and the desktop app's jobs panel both read it; listeners are called on the
 * job's thread, so a UI hands the snapshot to its own thread.
 */
public final class ProgressTracker implements ProgressMonitor {

    /**
     * @param phase         what the job is doing now ("reading source", "writing target", "verifying")
     * @param total         -1 when unknown
     * @param totalEstimated whether the total is an estimate from the source's reading so far ({@link ReadTotal})
     * @param ratePerSecond items per second in this phase, 0 until something is done
     * @param elapsed       time spent in this phase
     * @param pastCancel    the job is past the point a cancel can stop it (its write is done): it runs to its end
     */
    public record Snapshot(String phase, long done, long total, boolean totalEstimated, double ratePerSecond, Optional<Duration> eta,
                           boolean cancelRequested, Duration elapsed, boolean pastCancel) {

        /** Done as a fraction of total, or -1 when the total is unknown. */
        public double fraction() {
            return total > 0 ? Math.min(1.0, (double) done / total) : -1;
        }
    }

    /**
     * A phase's progress is published at most this often, and at its last item: a job reports
     * every record, a listener redraws a bar that a person reads a few times a second, and a
     * snapshot per record made the compiler compile a job's write loop again late in the job
     * (an estimate reaching zero took a branch it had not seen).
     */
    private static final long PUBLISH_EVERY_NANOS = 20_000_000;

    /** The phase of a job that has not named one yet. */
    public static final String STARTING = "starting";

    private final LongSupplier nanoClock;
    private final List<Consumer<Snapshot>> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean cancelRequested;
    private volatile boolean pastCancel;
    private volatile Snapshot current = new Snapshot(STARTING, 0, -1, false, 0, Optional.empty(), false, Duration.ZERO, false);
    private volatile long phaseStartNanos;
    private volatile long publishedNanos;
    /**
     * A count {@link #progress} held back, published when the phase ends; -1 when none is. A job
     * reports from one thread at a time, not always the same one (a verification reads on its own
     * while the indexes build).
     */
    private volatile long unpublishedDone = -1;
    private volatile long unpublishedTotal;
    /** This phase's source, asked for the total that {@link #progress} reports unknown; null when there is none. */
    private volatile Supplier<ReadTotal> readTotal;

    public ProgressTracker() {
        this(System::nanoTime);
    }

    /** @param nanoClock the time source, so tests decide how fast time passes */
    public ProgressTracker(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        this.phaseStartNanos = nanoClock.getAsLong();
        this.publishedNanos = phaseStartNanos - PUBLISH_EVERY_NANOS;
    }

    public void addListener(Consumer<Snapshot> listener) {
        listeners.add(listener);
    }

    public Snapshot snapshot() {
        return current;
    }

    /** Asks the job to stop; it stops at the next record and rolls back what it wrote. Asking twice changes nothing. */
    public void cancel() {
        if (cancelRequested) {
            return;
        }
        cancelRequested = true;
        publish(new Snapshot(current.phase(), current.done(), current.total(), current.totalEstimated(), current.ratePerSecond(), current.eta(), true,
                current.elapsed(), pastCancel));
    }

    /** The job's work past this point runs to its end; a snapshot says so, so a cancel asked now is not taken for a stop. */
    @Override
    public ProgressMonitor uncancellable() {
        pastCancel = true;
        return ProgressMonitor.super.uncancellable();
    }

    @Override
    public boolean isCancelled() {
        return cancelRequested;
    }

    /** Starts a new phase: the count, rate and ETA start again. A count the ending phase held back is published first. */
    @Override
    public void message(String phase) {
        if (unpublishedDone >= 0) {
            publishProgress(nanoClock.getAsLong(), unpublishedDone, unpublishedTotal);
        }
        readTotal = null;
        phaseStartNanos = nanoClock.getAsLong();
        publishedNanos = phaseStartNanos - PUBLISH_EVERY_NANOS;
        publish(new Snapshot(phase, 0, -1, false, 0, Optional.empty(), cancelRequested, Duration.ZERO, pastCancel));
    }

    /** Lasts for the phase under way: the next {@link #message} starts one without. */
    @Override
    public void totalWhileReading(Supplier<ReadTotal> total) {
        readTotal = total;
    }

    @Override
    public void progress(long done, long total) {
        long now = nanoClock.getAsLong();
        if (now - publishedNanos < PUBLISH_EVERY_NANOS && done != total) {
            unpublishedDone = done;
            unpublishedTotal = total;
            return;
        }
        publishProgress(now, done, total);
    }

    private void publishProgress(long now, long done, long reportedTotal) {
        publishedNanos = now;
        unpublishedDone = -1;
        Supplier<ReadTotal> source = readTotal;
        ReadTotal read = reportedTotal >= 0 || source == null ? ReadTotal.UNKNOWN : source.get();
        long total = read.count() >= 0 ? Math.max(done, read.count()) : reportedTotal;
        boolean estimated = read.count() >= 0 && !read.exact();
        long elapsedNanos = now - phaseStartNanos;
        double seconds = elapsedNanos / 1e9;
        double rate = seconds > 0 && done > 0 ? done / seconds : 0;
        Optional<Duration> eta = rate > 0 && total >= done
                ? Optional.of(Duration.ofMillis((long) ((total - done) / rate * 1000)))
                : Optional.empty();
        publish(new Snapshot(current.phase(), done, total, estimated, rate, eta, cancelRequested, Duration.ofNanos(elapsedNanos), pastCancel));
    }

    private void publish(Snapshot snapshot) {
        current = snapshot;
        listeners.forEach(listener -> listener.accept(snapshot));
    }
}
