package dev.sessiondb.job.transfer;

import dev.sessiondb.job.JobReport;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreException;
import java.util.List;

/**
 * Whether another program added or removed sessions in a job's sources while the job read them. A read copies the store
 * as its own snapshot (or page by page) saw it, so a session added or removed meanwhile is not in the target as the
 * source now holds it: the report says so, as a problem, instead of counting the source as it is after the read and
 * calling the copy complete. Compares each source's count after the job with the records the job read from it; a change
 * mark is not asked, as a folder store's mark takes its lock file, which would write into a source.
 */
public final class SourceChanges {

    private final List<SessionStore> sources;
    private final List<String> names;

    /** @param names how the report names each source ("the source", "source 2 (x.db)") */
    public SourceChanges(List<SessionStore> sources, List<String> names) {
        this.sources = List.copyOf(sources);
        this.names = List.copyOf(names);
    }

    /**
     * Adds a problem to the report for each source that holds another number of sessions than the job read.
     *
     * @param recordsRead per source, how many records the job's read of it saw
     */
    public void report(List<Long> recordsRead, JobReport.Builder report) {
        for (int i = 0; i < sources.size(); i++) {
            try {
                long added = sources.get(i).count() - recordsRead.get(i);
                long sessions = Math.abs(added);
                String are = sessions == 1 ? "is" : "are";
                if (added != 0) {
                    report.problem(names.get(i) + " changed while it was read: " + String.format("%,d %s", sessions, sessions == 1 ? "session" : "sessions")
                            + (added > 0 ? " added after the read began " + are + " not in the target; run again to copy them"
                                    : " removed after the read began " + are + " still in the target; run again to copy the source as it is now"));
                }
            } catch (StoreException e) {
                report.warning("could not check whether " + names.get(i) + " changed while it was read: " + e.getMessage());
            }
        }
    }
}
