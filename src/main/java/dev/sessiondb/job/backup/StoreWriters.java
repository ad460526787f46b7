package dev.sessiondb.job.backup;

import dev.sessiondb.job.JobPlan;
import dev.sessiondb.job.JobRefusedException;
import dev.sessiondb.store.StoreBusyException;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.StoreProviders;
import dev.sessiondb.store.StoreWriterLock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The writer locks runs hold ({@link StoreWriterLock}): taken when a run backs a store up, as a backup precedes every
 * write, and let go when the run ends, so one run at a time writes a store, across processes. A job looks at its start
 * whether another run holds the lock, so that it is refused then rather than when its plan, perhaps minutes later, ends.
 */
public final class StoreWriters {

    /** By run, then by the store's identity: a run backing one store up twice holds its lock once. */
    private static final Map<String, Map<String, StoreWriterLock>> HELD = new ConcurrentHashMap<>();

    private StoreWriters() {
    }

    /**
     * Refuses a job at its start, before it plans, while another run writes {@code store}; the lock is still taken (and may
     * still refuse) when the job's write begins, as a run may start writing while this one plans.
     */
    public static void refuseWhileWritten(StoreLocator store) {
        StoreProviders.of(store).writerNow(store).ifPresent(holder -> {
            throw new JobRefusedException(StoreWriterLock.busy(store.display(), holder).getMessage());
        });
    }

    /** {@code plan}, warning as its last line when another run writes {@code store} now: a plan is not refused for it. */
    public static JobPlan sayingWhoWrites(JobPlan plan, StoreLocator store) {
        return writtenNow(store).map(plan::withWarning).orElse(plan);
    }

    /** What a dry run says when another run writes {@code store} now: running would be refused until it ends. */
    public static Optional<String> writtenNow(StoreLocator store) {
        return StoreProviders.of(store).writerNow(store).map(holder -> store.display() + " is being written now by "
                + (holder.isBlank() ? "another sessiondb run" : holder) + "; running now would be refused until that run ends");
    }

    /** Run {@code runId} holds {@code store}'s writer lock from now until it ends, or is refused at once. */
    static void hold(String runId, StoreLocator store) {
        String identity = StoreProviders.of(store).identity(store);
        Map<String, StoreWriterLock> ofRun = HELD.computeIfAbsent(runId, run -> new ConcurrentHashMap<>());
        if (ofRun.containsKey(identity)) {
            return;
        }
        try {
            ofRun.put(identity, StoreProviders.of(store).holdWriter(store, holderName(runId)));
        } catch (StoreBusyException busy) {
            throw new JobRefusedException(busy.getMessage());
        }
    }

    /** Run {@code runId} ended: every store it wrote is free for the next writer. */
    static void release(String runId) {
        Map<String, StoreWriterLock> ofRun = HELD.remove(runId);
        if (ofRun != null) {
            ofRun.values().forEach(StoreWriterLock::close);
        }
    }

    /** How a refused writer names this run: its id (job and start) and the process to stop, short enough for a PostgreSQL session's name. */
    private static String holderName(String runId) {
        return "run " + runId + " (process " + ProcessHandle.current().pid() + ")";
    }
}
