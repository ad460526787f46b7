package dev.sessiondb.ui.wizard;

import dev.sessiondb.progress.ProgressMonitor;

/**
 * The wizard's own Cancel button: wraps the jobs panel's monitor so either one stops the job
 * (it rolls back what it wrote), with the progress still going to the panel.
 */
public final class CancelSwitch {

    private volatile boolean asked;

    public void cancel() {
        asked = true;
    }

    /** A monitor for one run: cancel starts unasked each time. */
    public ProgressMonitor around(ProgressMonitor panel) {
        asked = false;
        return new ProgressMonitor() {
            @Override
            public void progress(long done, long total) {
                panel.progress(done, total);
            }

            @Override
            public boolean isCancelled() {
                return asked || panel.isCancelled();
            }

            @Override
            public void message(String text) {
                panel.message(text);
            }
        };
    }
}
