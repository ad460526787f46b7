package dev.sessiondb.progress;

import java.util.ArrayList;
import java.util.List;

/** A monitor that keeps every progress report, as {done, total}, in the order they came; it never cancels. */
public final class RecordedProgress implements ProgressMonitor {

    public final List<long[]> reports = new ArrayList<>();

    @Override
    public void progress(long done, long total) {
        reports.add(new long[] {done, total});
    }

    @Override
    public boolean isCancelled() {
        return false;
    }

    /** The last report; {@code {0, 0}} before any. */
    public long[] last() {
        return reports.isEmpty() ? new long[] {0, 0} : reports.get(reports.size() - 1);
    }
}
