package dev.sessiondb.job.transfer;

import dev.sessiondb.job.JobRefusedException;
import dev.sessiondb.job.Refusal;
import dev.sessiondb.store.RecordCursor;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreLayout;
import dev.sessiondb.store.StoreLocator;
import java.util.List;
import java.util.Optional;

/** The refusal of a write whose target would refuse records, with what to do: Minsky's layout refuses what the native one keeps. */
final class RecordsRefusal {

    private RecordsRefusal() {
    }

    /**
     * @param existing        the target as it is, empty when there is none yet
     * @param refusedRecords  each refused record's line, "key: why"
     */
    static Refusal of(StoreLocator target, Optional<SessionStore> existing, List<String> refusedRecords) {
        long records = refusedRecords.stream().map(line -> line.substring(0, line.indexOf(": "))).distinct().count();
        String problem = "the target " + target.display() + " would refuse " + records + (records == 1 ? " record" : " records")
                + " (each listed in the plan), first " + refusedRecords.get(0);
        String remedy = "fix those records in the source, or choose a target that can hold them";
        return intoMinskysLayout(target, existing)
                ? new Refusal(Refusal.Reason.MINSKY_COLUMNS_REFUSE_RECORDS, problem, remedy + " (--layout native keeps what Minsky's columns refuse), then run again")
                : new Refusal(Refusal.Reason.OTHER, problem, remedy + ", then run again");
    }

    /**
     * Scans every record against the new target {@code created}, after a write stopped at the first it would refuse or lose
     * fields of: the refusal names every such record, as a plan pass would.
     */
    static void refuseFromFullScan(StoreLocator target, Optional<SessionStore> existing, SessionStore created, RecordSource records) {
        try (RecordCursor cursor = records.open()) {
            RecordScan scan = new RecordScan(created);
            cursor.forEachRemaining(scan::add);
            if (!scan.refusedRecords().isEmpty()) {
                throw new JobRefusedException(of(target, existing, scan.refusedRecords()).text());
            }
            scan.messageIdClashes().refusal(target).ifPresent(clashes -> {
                throw new JobRefusedException(clashes.text());
            });
            if (scan.isLossy()) {
                throw new JobRefusedException(LossRefusal.of(target, scan.fieldChanges()).text());
            }
        }
    }

    private static boolean intoMinskysLayout(StoreLocator target, Optional<SessionStore> existing) {
        return existing.map(store -> store.info().layout()).or(target::layoutOverride).filter(layout -> layout == StoreLayout.MINSKY).isPresent();
    }
}
