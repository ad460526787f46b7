package dev.sessiondb.progress;

import java.util.function.Supplier;

/**
 * Where long work reports how far it is and learns whether to stop. The CLI draws it as
 * a terminal bar, the desktop app binds it to a progress bar; both come from one design.
 */
public interface ProgressMonitor {

    ProgressMonitor NONE = new ProgressMonitor() {
        @Override
        public void progress(long done, long total) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    /** @param total the expected amount of work, or -1 when unknown */
    void progress(long done, long total);

    /**
     * Where this phase's records come from, when {@link #progress} cannot say how many there are (total -1) but the
     * source's reading can: a JSON file read in one pass. Asked from whichever thread reports progress.
     */
    default void totalWhileReading(Supplier<ReadTotal> total) {
    }

    /** Cooperative cancel: work checks this between records and stops, rolling back what it wrote. */
    boolean isCancelled();

    default void message(String text) {
    }

    /**
     * This monitor's progress and messages, never cancelled: for work past the point where
     * stopping would say less than finishing (the verification of a target already written).
     */
    default ProgressMonitor uncancellable() {
        ProgressMonitor reported = this;
        return new ProgressMonitor() {
            @Override
            public void progress(long done, long total) {
                reported.progress(done, total);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }

            @Override
            public void message(String text) {
                reported.message(text);
            }

            @Override
            public void totalWhileReading(Supplier<ReadTotal> total) {
                reported.totalWhileReading(total);
            }
        };
    }

    /**
     * This monitor's cancel and messages without progress: for work whose progress is told by another count (a write of changes
     * only, counted by the records it compares, not the few it writes).
     */
    default ProgressMonitor withoutProgress() {
        ProgressMonitor reported = this;
        return new ProgressMonitor() {
            @Override
            public void progress(long done, long total) {
            }

            @Override
            public boolean isCancelled() {
                return reported.isCancelled();
            }

            @Override
            public void message(String text) {
                reported.message(text);
            }
        };
    }

    /** Throws {@link CancelledException} when cancel was asked for. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancelledException();
        }
    }
}
