package dev.sessiondb.diff;

import dev.sessiondb.progress.ProgressMonitor;

/** Keeps the last progress a diff reported. */
final class LastProgress implements ProgressMonitor {

    long done;
    long total;

    @Override
    public void progress(long done, long total) {
        this.done = done;
        this.total = total;
    }

    @Override
    public boolean isCancelled() {
        return false;
    }
}
