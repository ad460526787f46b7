package dev.sessiondb.job.migrate;

import dev.sessiondb.job.Job;
import dev.sessiondb.job.JobPlan;
import dev.sessiondb.job.JobRefusedException;
import dev.sessiondb.job.JobReport;
import dev.sessiondb.job.StoreProbe;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.job.backup.RunStart;
import dev.sessiondb.job.backup.StoreWriters;
import dev.sessiondb.job.transfer.Assessment;
import dev.sessiondb.job.transfer.MixedKinds;
import dev.sessiondb.job.transfer.RecordSource;
import dev.sessiondb.job.transfer.SourceChanges;
import dev.sessiondb.job.transfer.TargetMode;
import dev.sessiondb.job.transfer.TargetState;
import dev.sessiondb.job.transfer.Transfer;
import dev.sessiondb.model.SessionKind;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreLocator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Moves every record of one store into another, any format and layout to any other. Records
 * without a task id, odd dates and unknown fields move like the rest; what the target layout
 * cannot hold is named in the plan and refused unless allowed. The source is only read.
 */
public final class MigrateJob implements Job {

    private final StoreLocator source;
    private final StoreLocator target;
    private final MigrateOptions options;
    private final BackupJournal journal;
    /** The target as the last {@link #plan()} saw it: {@link #run} refuses when it changed since. */
    private volatile TargetState plannedTarget;
    /** The source's write mark as the last {@link #plan()} began its read: {@link #run} refuses when it was written since. */
    private volatile List<Optional<String>> plannedSource;

    public MigrateJob(StoreLocator source, StoreLocator target, MigrateOptions options, BackupJournal journal) {
        this.source = source;
        this.target = options.layout().map(layout -> target.withParam("layout", layout.id())).orElse(target);
        this.options = options;
        this.journal = journal;
    }

    @Override
    public String description() {
        return "migrate " + source.display() + " -> " + target.display();
    }

    @Override
    public JobPlan plan() {
        return plan(true);
    }

    @Override
    public JobPlan dryRun() {
        return plan(false);
    }

    /** @param toRun whether {@link #run} may follow: only then is the source's write mark taken and the plan's stores kept */
    private JobPlan plan(boolean toRun) {
        try (SessionStore from = openSource(); Transfer transfer = transfer()) {
            // before the read: a write during it counts too
            List<Optional<String>> sourceMark = toRun ? List.of(from.writeMark()) : null;
            RecordSource records = RecordSource.of(from);
            Assessment assessment = transfer.assess(records);
            if (toRun) {
                plannedTarget = assessment.target();
                plannedSource = sourceMark;
            }
            return StoreWriters.sayingWhoWrites(plan(from, records, assessment, mixedKinds(assessment, ProgressMonitor.NONE)), target);
        }
    }

    @Override
    public JobReport run(ProgressMonitor monitor) {
        StoreWriters.refuseWhileWritten(target);
        JobReport done;
        try (SessionStore from = openSource(); Transfer transfer = transfer()) {
            if (plannedTarget != null) {
                transfer.requireUnchangedSince(plannedTarget);
            }
            RunStart start = journal.runStarter("migrate", description(), List.of(source), target);
            SourceChanges sourceChanges = SourceChanges.sincePlan(Optional.ofNullable(plannedSource), List.of(from), List.of("the source"));
            // an existing target is planned in a read of its own: the write's read refuses a source written since the plan's began
            RecordSource records = sourceChanges.checkedOnEachRead(0, RecordSource.of(from), "migration");
            JobReport.Builder report = start.listingACancel(() -> transfer.run(description(), records, monitor, start, assessment -> {
                Optional<String> mixed = mixedKinds(assessment, monitor);
                JobPlan plan = plan(from, records, assessment, mixed);
                plan.requireRunnable();
                JobReport.Builder builder = start.get();
                plan.counts().forEach(builder::count);
                notRead(from).ifPresent(builder::warning);
                mixed.ifPresent(builder::warning);
                builder.details().set("plan", plan.toJson());
                return builder;
            }));
            sourceChanges.report(List.of(transfer.recordsRead()), report);
            done = report.build();
        }
        journal.saveReport(done);
        return done;
    }

    private SessionStore openSource() {
        refuseTargetThatIsTheSource(source, target);
        StoreProbe.requireDistinct(List.of(source, target));
        SessionStore opened = StoreProbe.openSource(source);
        return options.skipUnreadable() ? opened.skippingUnreadable() : opened;
    }

    /**
     * Said before {@link StoreProbe#requireDistinct}, whose "X and X are the same store; name each store once" named neither
     * the target nor a way on.
     */
    private static void refuseTargetThatIsTheSource(StoreLocator from, StoreLocator to) {
        if (StoreProbe.sameStore(from, to)) {
            throw new JobRefusedException("the target " + to.display() + " is the source " + from.display() + "; migrate never writes"
                    + " into the store it reads, and nothing was written: name a new store as the target, check it, then put it in the"
                    + " old one's place if that is where you want it");
        }
    }

    /** The line the plan and the report give the source's parts left out by --skip-unreadable, if any were. */
    private static Optional<String> notRead(SessionStore from) {
        List<String> parts = from.unreadableParts();
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        String unit = unreadableUnit(from);
        return Optional.of(parts.size() + " " + unit + (parts.size() == 1 ? "" : "s") + " of the source not read (--skip-unreadable), so not copied: "
                + String.join("; ", parts) + "; they are still in the source as they were");
    }

    /** What the source's unreadable parts are: a SQL store's damaged records, which its damage check cannot see, or a folder's files. */
    private static String unreadableUnit(SessionStore from) {
        return from.skippedDamage().isEmpty() ? "file" : "record";
    }

    private Transfer transfer() {
        return new Transfer(target, options.mode(), options.allowLoss(), options.verify(), journal);
    }

    /**
     * The warning that a merge leaves the target holding sessions of several tools, counting its own it keeps beside the source's.
     * Only a merge into a target that keeps some of its own can mix what the source did not mix already; learning their kinds
     * reads the target's records, which the plan's pass does not.
     */
    private Optional<String> mixedKinds(Assessment assessment, ProgressMonitor monitor) {
        if (!options.mode().equals(Optional.of(TargetMode.MERGE))) {
            return Optional.empty();
        }
        Map<SessionKind, Long> kept = assessment.comparison().map(compared -> compared.targetOnlyKinds(monitor)).orElse(Map.of());
        return kept.isEmpty() ? Optional.empty() : MixedKinds.warning(assessment.kinds(), kept);
    }

    private JobPlan plan(SessionStore from, RecordSource records, Assessment assessment, Optional<String> mixedKinds) {
        Map<String, Long> counts = new LinkedHashMap<>();
        // as the plan's own read saw them: a count taken later counts what another program added meanwhile
        counts.put("source records", assessment.recordsRead() >= 0 ? assessment.recordsRead() : records.count());
        if (!from.unreadableParts().isEmpty()) {
            counts.put("source " + unreadableUnit(from) + "s not read", (long) from.unreadableParts().size());
        }
        counts.putAll(assessment.scanCounts());
        counts.put(JobPlan.TARGET_RECORDS_BEFORE, assessment.target().records());
        counts.putAll(assessment.effectCounts());
        List<String> warnings = new ArrayList<>();
        notRead(from).ifPresent(warnings::add);
        warnings.addAll(assessment.planWarnings());
        mixedKinds.ifPresent(warnings::add);
        // nothing is wrong with a migration already done: a note, which no shell shows as a risk
        List<String> notes = assessment.alreadyComplete() ? List.of(alreadyDone(assessment)) : List.of();
        return new JobPlan(description(), counts, assessment.fieldChanges(), assessment.coercions(), warnings, assessment.refusal(), assessment.overwritten(),
                Optional.empty(), notes);
    }

    /**
     * The plan of a migration a finished run has done already (Back after Run): said as done, since "running writes nothing" under
     * "New: the target must be absent or empty" read as a contradiction; a new target's mode lets it be as the run left it.
     */
    private String alreadyDone(Assessment assessment) {
        TargetMode mode = options.mode().orElse(TargetMode.NEW);
        String holds = mode == TargetMode.MERGE ? "the target holds every one of the source's records as it is"
                : "the target holds exactly the source's records" + (assessment.comparison().isPresent() ? ", each as it is" : "");
        return "this migration is already done: " + holds + (mode == TargetMode.NEW ? ", so it is not refused as not empty" : "")
                + "; Run writes nothing and only verifies them";
    }
}
