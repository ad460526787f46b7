package dev.sessiondb.validation;

import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.ReadAhead;
import dev.sessiondb.store.SessionStore;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs checks over a store by streaming its records: once when no check compares records
 * with each other, twice (survey, then inspect) otherwise. Findings go to the consumer as
 * they are found, so memory does not grow with the number of findings.
 */
public final class Validator {

    private final List<Check> checks;

    public Validator(List<Check> checks) {
        this.checks = List.copyOf(checks);
    }

    /**
     * Each pass reads the store ahead on a thread of its own (parsing), while the checks run on this one.
     *
     * @return how many findings were reported
     */
    public long run(SessionStore store, Consumer<Finding> findings, ProgressMonitor monitor) {
        return run(() -> ReadAhead.records(store.cursor()), store.count(), findings, monitor);
    }

    /**
     * @param records opens a fresh pass over the records (closed after the pass when closeable)
     * @param count   how many records there are, for progress; -1 when unknown
     */
    public long run(Supplier<? extends Iterator<SessionRecord>> records, long count, Consumer<Finding> findings, ProgressMonitor monitor) {
        long[] reported = {0};
        Consumer<Finding> counting = finding -> {
            reported[0]++;
            findings.accept(finding);
        };
        boolean survey = checks.stream().anyMatch(Check::needsSurvey);
        long total = count < 0 ? -1 : count * (survey ? 2 : 1);
        long done = 0;
        if (survey) {
            done = pass(records, record -> checks.stream().filter(Check::needsSurvey).forEach(check -> check.survey(record)), done, total, monitor);
        }
        pass(records, record -> checks.forEach(check -> check.inspect(record, counting)), done, total, monitor);
        checks.forEach(check -> check.finish(counting));
        return reported[0];
    }

    private static long pass(Supplier<? extends Iterator<SessionRecord>> records, Consumer<SessionRecord> action,
                             long done, long total, ProgressMonitor monitor) {
        Iterator<SessionRecord> iterator = records.get();
        try {
            while (iterator.hasNext()) {
                monitor.checkCancelled();
                action.accept(iterator.next());
                monitor.progress(++done, total);
            }
            return done;
        } finally {
            if (iterator instanceof AutoCloseable closeable) {
                closeQuietly(closeable);
            }
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
