package dev.sessiondb.validation;

import dev.sessiondb.model.SessionField;
import dev.sessiondb.model.SessionKind;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.ReadAhead;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreFaults;
import dev.sessiondb.store.SessionStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Runs checks over a store by streaming its records: once when no check compares records
 * with each other, twice (survey, then inspect) otherwise. Findings go to the consumer as
 * they are found, so memory does not grow with the number of findings. The survey asks the
 * store only for the fields the checks survey ({@link Check#surveyedFields}).
 *
 * <p>Each pass reads the records ahead on a thread of its own (parsing them there); in the
 * inspect pass that thread also runs some checks' inspection ({@link Check#inspectsOnReadingThread}),
 * so the two cores share the checks. Findings are reported in record order, each record's in
 * check order, as one thread would report them.</p>
 */
public final class Validator {

    private final List<Check> checks;
    /** The kinds of the records the inspect pass reported on: added on the reporting thread alone. */
    private final Set<SessionKind> kindsRead = EnumSet.noneOf(SessionKind.class);

    public Validator(List<Check> checks) {
        this.checks = List.copyOf(checks);
    }

    /** @return how many findings were reported */
    public long run(SessionStore store, Consumer<Finding> findings, ProgressMonitor monitor) {
        return run(store::cursorOf, store::cursor, store.count(), findings, monitor);
    }

    /**
     * @param records opens a fresh pass over the records (closed after the pass when closeable)
     * @param count   how many records there are, for progress; -1 when unknown
     */
    public long run(Supplier<? extends Iterator<SessionRecord>> records, long count, Consumer<Finding> findings, ProgressMonitor monitor) {
        return run(fields -> records.get(), records, count, findings, monitor);
    }

    /** @param surveyed opens the survey's pass over records holding at least the given fields */
    long run(Function<Set<SessionField>, ? extends Iterator<SessionRecord>> surveyed, Supplier<? extends Iterator<SessionRecord>> records,
                    long count, Consumer<Finding> findings, ProgressMonitor monitor) {
        long[] reported = {0};
        Consumer<Finding> counting = finding -> {
            reported[0]++;
            findings.accept(finding);
        };
        checks.forEach(Check::start);
        kindsRead.clear();
        try {
            passes(surveyed, records, count, counting, monitor);
        } catch (RuntimeException stopped) {
            reportStoppedByDamage(stopped, counting);
        }
        return reported[0];
    }

    private void passes(Function<Set<SessionField>, ? extends Iterator<SessionRecord>> surveyed, Supplier<? extends Iterator<SessionRecord>> records,
                        long count, Consumer<Finding> counting, ProgressMonitor monitor) {
        List<Check> surveying = checks.stream().filter(Check::needsSurvey).toList();
        // two passes are two phases, each counting the sessions: "6,000 of 6,000" for 3,000 sessions misled
        if (!surveying.isEmpty()) {
            monitor.message("surveying (pass 1 of 2)");
            Set<SessionField> fields = surveying.stream().flatMap(check -> check.surveyedFields().stream()).collect(Collectors.toSet());
            pass(ReadAhead.mapped(surveyed.apply(fields), Function.identity()), record -> surveying.forEach(check -> check.survey(record)),
                    count, monitor);
            monitor.message("checking (pass 2 of 2)");
        } else {
            monitor.message("checking");
        }
        pass(ReadAhead.mapped(records.get(), Inspected::new), inspected -> inspected.report(counting), count, monitor);
        checks.forEach(check -> check.finish(counting));
    }

    /**
     * The one kind of session every record the last run inspected was of (damaged ones aside); none when it read none or
     * several kinds. A store's kind is known only after such a read: its first page may hold one kind and a later page another.
     */
    public Optional<SessionKind> kindRead() {
        return kindsRead.size() == 1 ? Optional.of(kindsRead.iterator().next()) : Optional.empty();
    }

    /**
     * A read that met a damaged page ends the passes: when the store-damage check was asked for, the run reports what it
     * found and that the other checks saw only the records before the damage, instead of stopping with no finding of it.
     */
    private void reportStoppedByDamage(RuntimeException stopped, Consumer<Finding> findings) {
        Check damage = checks.stream().filter(StoreDamageCheck.class::isInstance).findFirst().orElse(null);
        if (damage == null || !StoreFaults.isSqliteDamage(stopped)) {
            throw stopped;
        }
        damage.finish(findings);
        findings.accept(Finding.of(damage, Severity.ERROR, null, "a damaged page stopped the read of the records: the other checks saw only those before it",
                "recover the file (see the finding above), then validate the recovered copy"));
    }

    /**
     * A record whose stored text no longer reads (its stand-in) has nothing for the other checks to see: the store-damage
     * check names it, and a run without that check stops there, as a read of it does.
     */
    private void reportDamaged(SessionRecord unreadable, Consumer<Finding> findings) {
        Check damage = checks.stream().filter(StoreDamageCheck.class::isInstance).findFirst().orElseThrow(() ->
                new StoreException(unreadable.damage().map(why -> why.what() + "; " + why.todo()).orElseThrow()));
        damage.inspect(unreadable, findings);
    }

    /** A record with what the checks inspecting on the reading thread found in it there. */
    private final class Inspected {

        private final SessionRecord record;
        /** Per check, its findings; null for a check that found nothing or runs on the reporting thread. */
        private final List<List<Finding>> found;

        Inspected(SessionRecord record) {
            this.record = record;
            this.found = new ArrayList<>(Collections.nCopies(checks.size(), null));
            if (record.damage().isPresent()) {
                return; // nothing of it to inspect: report names it
            }
            for (int i = 0; i < checks.size(); i++) {
                if (checks.get(i).inspectsOnReadingThread()) {
                    int index = i;
                    checks.get(i).inspect(record, finding -> add(index, finding));
                }
            }
        }

        private void add(int check, Finding finding) {
            if (found.get(check) == null) {
                found.set(check, new ArrayList<>(2));
            }
            found.get(check).add(finding);
        }

        /** Every check's findings in check order: the ones found ahead, the others' inspected now. */
        void report(Consumer<Finding> findings) {
            if (record.damage().isPresent()) {
                reportDamaged(record, findings);
                return;
            }
            kindsRead.add(SessionKind.of(record));
            for (int i = 0; i < checks.size(); i++) {
                if (!checks.get(i).inspectsOnReadingThread()) {
                    checks.get(i).inspect(record, findings);
                } else if (found.get(i) != null) {
                    found.get(i).forEach(findings);
                }
            }
        }
    }

    private static <T> void pass(Iterator<T> items, Consumer<T> action, long total, ProgressMonitor monitor) {
        long done = 0;
        try {
            while (items.hasNext()) {
                monitor.checkCancelled();
                action.accept(items.next());
                monitor.progress(++done, total);
            }
        } finally {
            if (items instanceof AutoCloseable closeable) {
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
