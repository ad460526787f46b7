package dev.sessiondb.job.transfer;

import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.RecordCursor;
import java.util.concurrent.atomic.AtomicLong;

/** The records of a transfer's pass as they go by on their way to the target: planned, counted or reported as compared. */
final class PassingRecords {

    private PassingRecords() {
    }

    /**
     * The records as they pass, each added to the plan first; one the target would refuse, or lose fields of without --allow-loss,
     * or that gives a message id another record gave, stops the pass.
     */
    static RecordCursor scanning(RecordCursor cursor, RecordScan scan, boolean allowLoss) {
        return RecordCursor.peeking(cursor, record -> {
            scan.add(record);
            if (!scan.refusedRecords().isEmpty() || (scan.isLossy() && !allowLoss) || scan.messageIdClashes().foundBetweenRecords()) {
                throw new NeedsPlanPass();
            }
        });
    }

    /** Whether a write stopped because {@link #scanning} met a record that needs the plan pass. */
    static boolean stoppedForPlanPass(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof NeedsPlanPass) {
                return true;
            }
        }
        return false;
    }

    /** The records as they pass, counted afresh: what "records written" says is what the write was handed, not a count taken at another moment. */
    static RecordCursor counting(RecordCursor cursor, AtomicLong counter) {
        counter.set(0);
        return RecordCursor.peeking(cursor, record -> counter.incrementAndGet());
    }

    /** The records as they pass, each reported as compared; a cancel stops the write at the next one, not at the next written. */
    static RecordCursor comparing(RecordCursor cursor, long total, ProgressMonitor monitor) {
        AtomicLong compared = new AtomicLong();
        return RecordCursor.peeking(cursor, record -> {
            monitor.progress(compared.incrementAndGet(), total);
            monitor.checkCancelled();
        });
    }

    /** The one-pass write met a record the plan must list with every other like it: see {@link Transfer#run}. */
    private static final class NeedsPlanPass extends RuntimeException {
        NeedsPlanPass() {
            super("a record needs the plan pass", null, false, false);
        }
    }
}
