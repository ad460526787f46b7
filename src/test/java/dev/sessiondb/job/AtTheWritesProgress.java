package dev.sessiondb.job;

import dev.sessiondb.progress.ProgressMonitor;

/**
 * A monitor that runs an action once, at the first progress the write of the target reports with records sent and more to
 * come: a point every such write reaches, with the job's read of its source begun and its transaction not yet committed.
 */
final class AtTheWritesProgress implements ProgressMonitor {

    private final Runnable action;
    private boolean writing;
    private boolean done;

    AtTheWritesProgress(Runnable action) {
        this.action = action;
    }

    @Override
    public void message(String text) {
        writing |= text.equals("writing target");
    }

    @Override
    public void progress(long records, long total) {
        if (writing && !done && records > 0 && (total < 0 || records < total)) {
            done = true;
            action.run();
        }
    }

    @Override
    public boolean isCancelled() {
        return false;
    }
}
