package dev.sessiondb.progress;

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

    /** Cooperative cancel: work checks this between records and stops, rolling back what it wrote. */
    boolean isCancelled();

    default void message(String text) {
    }

    /** Throws {@link CancelledException} when cancel was asked for. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancelledException();
        }
    }
}
