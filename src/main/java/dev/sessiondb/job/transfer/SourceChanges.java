package dev.sessiondb.job.transfer;

import dev.sessiondb.job.JobRefusedException;
import dev.sessiondb.job.JobReport;
import dev.sessiondb.store.RecordCursor;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether another program wrote to a job's sources while the job read them. A read copies the store as its own snapshot
 * (one statement, one file) saw it, so a session added, removed or updated meanwhile is not in the target as the source now
 * holds it: the report says so, as a problem, instead of calling the copy complete. Compares each source's count after the
 * job with the records the job read from it, and each source's {@link SessionStore#writeMark() write mark} with the one taken
 * before the read, which tells sessions updated in place (the same count); a change mark is not asked, as a folder store's
 * mark takes its lock file, which would write into a source.
 */
public final class SourceChanges {

    private final List<SessionStore> sources;
    private final List<String> names;
    private final List<Optional<String>> marksBefore;

    /**
     * Takes each source's write mark: made before the job reads them.
     *
     * @param names how the report names each source ("the source", "source 2 (x.db)")
     */
    public SourceChanges(List<SessionStore> sources, List<String> names) {
        this(sources, names, sources.stream().map(SessionStore::writeMark).toList());
    }

    private SourceChanges(List<SessionStore> sources, List<String> names, List<Optional<String>> marksBefore) {
        this.sources = List.copyOf(sources);
        this.names = List.copyOf(names);
        this.marksBefore = List.copyOf(marksBefore);
    }

    /**
     * For a run over a plan made earlier (the window's, approved before Run): the sources' changes since the plan's read began,
     * so that a source written between the plan and the run refuses the run, as it refuses a write whose own read it meets;
     * the marks are taken now for a run that was not planned first (a mark of a PostgreSQL source scans its row versions).
     *
     * @param planned the {@link #marks()} the plan took, before its read
     */
    public static SourceChanges sincePlan(Optional<List<Optional<String>>> planned, List<SessionStore> sources, List<String> names) {
        return planned.map(marks -> new SourceChanges(sources, names, marks)).orElseGet(() -> new SourceChanges(sources, names));
    }

    /**
     * For a plan only shown (a dry run), which no run follows: no write mark is taken (a PostgreSQL source's scans its row
     * versions), so no read of it is refused for a write it meets.
     */
    public static SourceChanges unmarked(List<SessionStore> sources, List<String> names) {
        return new SourceChanges(sources, names, sources.stream().map(source -> Optional.<String>empty()).toList());
    }

    /** Each source's write mark as this began, for a later run to be checked {@link #sincePlan since} them. */
    public List<Optional<String>> marks() {
        return marksBefore;
    }

    /**
     * Adds a problem to the report for each source that holds another number of sessions than the job read, or the same
     * number written to since the read began.
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
                } else if (writtenSince(i)) {
                    report.problem(names.get(i) + " changed while it was read: another program wrote to it, its " + String.format("%,d", recordsRead.get(i))
                            + " sessions still as many (sessions updated in place); the target holds them as the read found them; run again to copy"
                            + " the source as it is now");
                }
            } catch (StoreException e) {
                report.warning("could not check whether " + names.get(i) + " changed while it was read: " + e.getMessage());
            }
        }
    }

    /**
     * For a write that depends on what was read (a consolidation settles each session on the versions it read; a migration's
     * plan, which a write into an existing target follows, checked every record against the target): refuses when
     * {@code source} was written to since its mark was taken, so that the write, rolled back, leaves nothing. Asked once
     * the write's own read of the source has begun: what is written after that is not in its snapshot.
     *
     * @param job what read the source, as the refusal names it ("consolidation", "migration")
     * @throws JobRefusedException naming the source and the store
     */
    public void requireUnwritten(int source, String job) {
        if (writtenSince(source)) {
            String display = sources.get(source).locator().display();
            // a consolidation's names hold the store already ("source 2 (x.db)"), a migration's not ("the source")
            String named = names.get(source).contains(display) ? names.get(source) : names.get(source) + " " + display;
            throw new JobRefusedException(named + " changed after the " + job + " read it: another program wrote to it (sessions"
                    + " updated in place, added or removed); nothing was written; run the " + job + " again to read it as it is now");
        }
    }

    /**
     * The records of {@code source}, each read of which is {@link #requireUnwritten checked} once opened and again at its
     * first record (where a SQL read takes its snapshot): a job that reads a source once to plan and again to write never
     * writes records its plan did not see.
     */
    public RecordSource checkedOnEachRead(int source, RecordSource records, String job) {
        return new RecordSource() {
            @Override
            public RecordCursor open() {
                RecordCursor cursor = records.open();
                try {
                    requireUnwritten(source, job);
                } catch (RuntimeException e) {
                    cursor.close();
                    throw e;
                }
                AtomicBoolean first = new AtomicBoolean(true);
                return RecordCursor.peeking(cursor, record -> {
                    if (first.getAndSet(false)) {
                        requireUnwritten(source, job);
                    }
                });
            }

            @Override
            public long count() {
                return records.count();
            }

            @Override
            public long expectedCount() {
                return records.expectedCount();
            }
        };
    }

    private boolean writtenSince(int source) {
        return marksBefore.get(source).isPresent() && !marksBefore.get(source).equals(sources.get(source).writeMark());
    }
}
