package dev.sessiondb.progress;

/** A monitor whose user asks to cancel once the work reported the given number of records done. */
public final class CancelAfter implements ProgressMonitor {

    private final long records;
    private long done;

    public CancelAfter(long records) {
        this.records = records;
    }

    @Override
    public void progress(long doneSoFar, long total) {
        done = doneSoFar;
    }

    @Override
    public boolean isCancelled() {
        return done >= records;
    }
}
