package dev.sessiondb.job.repair;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.diff.FieldChange;
import dev.sessiondb.job.Job;
import dev.sessiondb.job.JobPlan;
import dev.sessiondb.job.JobRefusedException;
import dev.sessiondb.job.Refusal;
import dev.sessiondb.job.JobReport;
import dev.sessiondb.job.StoreProbe;
import dev.sessiondb.job.backup.Backup;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.job.backup.RunStart;
import dev.sessiondb.job.backup.StoreWriters;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.SecretMasker;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.RecordCursor;
import dev.sessiondb.store.RepeatedSessionsException;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFingerprint;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.StoreProviders;
import dev.sessiondb.validation.Checks;
import dev.sessiondb.validation.ValidationContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Applies the suggested fixes of validation as one changeset: the dry run shows it record by
 * record, as the store will hold it; the run backs the store up, checks that no planned record
 * changed meanwhile, and writes every change in one transaction. {@code sessiondb undo} restores the backup.
 */
public final class RepairJob implements Job {

    /** How many changed records a plan and a report list; a dry run lists every one. */
    static final int LISTED_CHANGES = 1000;
    /** The count, in a plan and a report, of the findings of the checks run that no fix resolves: validate lists them after the repair. */
    public static final String NEEDING_A_PERSON = "findings needing a person";
    /** Before a check's name, the count of the records to change that its fix changes: the history says what each fix did. */
    public static final String CHANGED_BY = "records to change by ";

    private final StoreLocator locator;
    private final List<String> checks;
    private final List<Path> workspaceRoots;
    private final BackupJournal journal;
    /** The preview the user approved ({@link Changeset#plannedFrom()}); empty when nothing was previewed (the CLI plans and runs at once). */
    private final Optional<Map<String, Long>> approved;
    /** Per check, the findings of checks validated with this repair's but left unfixed, which need a person as much; none from the CLI. */
    private final Map<String, Long> leftUnfixed;

    /**
     * @param checks         the checks whose fixes to apply; empty means all
     * @param workspaceRoots Minsky state directories whose unregistered workspaces to register
     */
    public RepairJob(StoreLocator locator, List<String> checks, List<Path> workspaceRoots, BackupJournal journal) {
        this(locator, checks, workspaceRoots, journal, Optional.empty(), Map.of());
    }

    private RepairJob(StoreLocator locator, List<String> checks, List<Path> workspaceRoots, BackupJournal journal, Optional<Map<String, Long>> approved,
                      Map<String, Long> leftUnfixed) {
        this.locator = locator;
        this.checks = List.copyOf(checks);
        this.workspaceRoots = List.copyOf(workspaceRoots);
        this.journal = journal;
        this.approved = approved;
        this.leftUnfixed = Map.copyOf(leftUnfixed);
    }

    /**
     * This repair, writing only what {@code previewed} showed: a run whose plan changes other records,
     * or the same records from other contents, refuses before its backup, so what is applied is what was approved.
     */
    public RepairJob approving(Changeset previewed) {
        return new RepairJob(locator, checks, workspaceRoots, journal, Optional.of(previewed.plannedFrom()), leftUnfixed);
    }

    /**
     * This repair, its report also counting, per check, the findings of checks validated with it but left unfixed (the window's
     * fixes left unticked): the History then says as many need a person as the window's Apply page did, not only the fixed checks'.
     */
    public RepairJob alsoLeaving(Map<String, Long> unfixedByCheck) {
        return new RepairJob(locator, checks, workspaceRoots, journal, approved, unfixedByCheck);
    }

    /** The repair of a JSON file in which sessions repeat, as the window offers it: only its identical repeats are removed. */
    public static RepairJob removingRepeats(StoreLocator locator, BackupJournal journal) {
        return new RepairJob(locator, List.of(RepeatRemoval.CHECK), List.of(), journal);
    }

    @Override
    public String writtenStore() {
        return "the store";
    }

    @Override
    public String description() {
        return "repair " + locator.display() + (checks.isEmpty() ? "" : " (" + String.join(", ", checks) + ")");
    }

    /** The changeset a run would write; nothing is written to compute it. The caller closes it. */
    public Changeset changeset(ProgressMonitor monitor) {
        try (SessionStore store = StoreProbe.openSource(locator)) {
            return changeset(store, monitor);
        }
    }

    private Changeset changeset(SessionStore store, ProgressMonitor monitor) {
        return RepairPlanner.plan(store, Checks.create(checks, ValidationContext.of(store, workspaceRoots)), monitor);
    }

    /** The plan lists the first {@value #LISTED_CHANGES} changed records; {@code repair --dry-run} lists them all. */
    @Override
    public JobPlan plan() {
        return StoreWriters.sayingWhoWrites(planOfStore(), locator);
    }

    private JobPlan planOfStore() {
        try (Changeset changeset = changeset(ProgressMonitor.NONE)) {
            return plan(changeset);
        } catch (RepeatedSessionsException repeated) {
            return repeatRemoval(repeated).plan(description(), NEEDING_A_PERSON);
        }
    }

    private JobPlan plan(Changeset changeset) {
        List<String> lines = new ArrayList<>();
        changeset.first(LISTED_CHANGES).forEach(change -> lines.addAll(describe(change)));
        List<String> warnings = new ArrayList<>();
        long unlisted = changeset.updates() + changeset.inserts() - LISTED_CHANGES;
        if (unlisted > 0) {
            warnings.add(unlisted + " more changed records are not listed; 'sessiondb repair --dry-run' lists them all");
        }
        changeset.notWritten().forEach(record -> warnings.add(record.describe()));
        needingAPerson(changeset).forEach((check, count) -> warnings.add(Changeset.needingAPerson(count, check)
                + "; run 'sessiondb validate --check " + check + "'"));
        return new JobPlan(description(), counts(changeset), List.of(), lines, warnings, writeRefusal(changeset).map(Refusal::other), 0);
    }

    /** Why this user may not write the changes to the store (a PostgreSQL role that may only read it), asked before its backup. */
    private Optional<String> writeRefusal(Changeset changeset) {
        return changeset.isEmpty() ? Optional.empty() : StoreProviders.of(locator).writeRefusal(locator);
    }

    @Override
    public JobReport run(ProgressMonitor monitor) {
        StoreWriters.refuseWhileWritten(locator);
        monitor.message("planning");
        try {
            StoreProbe.requireUndamaged(locator);
            return runOnStore(monitor);
        } catch (RepeatedSessionsException repeated) {
            return repeatRemoval(repeated).run(journal, description(), NEEDING_A_PERSON, monitor);
        }
    }

    /**
     * A JSON file in which sessions repeat opens as no store: its identical repeats are what this repair removes, unless
     * the checks asked for leave out {@value RepeatRemoval#CHECK}. Repeated rows of a SQL table are a person's to remove.
     */
    private RepeatRemoval repeatRemoval(RepeatedSessionsException repeated) {
        if (repeated.byHand().isPresent() || !checks.isEmpty() && !checks.contains(RepeatRemoval.CHECK)) {
            throw repeated;
        }
        return RepeatRemoval.of(locator, repeated);
    }

    private JobReport runOnStore(ProgressMonitor monitor) {
        JobReport done;
        RunStart start = journal.runStarter("repair", description(), List.of(), locator);
        try (SessionStore store = StoreProbe.openSource(locator); Changeset changeset = start.listingACancel(() -> changeset(store, monitor))) {
            JobReport.Builder report = start.get();
            done = journal.endingOnStop(report.runId(), () -> {
                approved.ifPresent(preview -> requireAsPreviewed(preview, changeset));
                counts(changeset).forEach(report::count);
                changeset.notWritten().forEach(record -> report.warning(record.describe()));
                needingAPerson(changeset).forEach((check, count) -> report.warning(Changeset.needingAPerson(count, check)));
                ArrayNode changes = report.details().putArray("changes");
                changeset.first(LISTED_CHANGES).forEach(change -> changes.add(toJson(change)));
                writeRefusal(changeset).ifPresent(why -> {
                    throw new JobRefusedException(why + "; nothing was changed");
                });
                if (!changeset.isEmpty()) {
                    // taken before the backup: the write, under the store's lock, refuses if anything changed after it
                    StoreFingerprint backedUp = store.fingerprint();
                    monitor.message("backing up");
                    Backup backup = journal.backUp(report.runId(), store, description(), monitor);
                    report.backupId(backup.id());
                    journal.write(backup, () -> {
                        requireUnchangedSincePlanning(store, changeset);
                        monitor.message("writing");
                        changeset.applyTo(store, backedUp, monitor);
                    }, () -> store.stoppedWriteLeftUnchanged(backedUp));
                }
                return report.build();
            });
        }
        journal.saveReport(done);
        return done;
    }

    private Map<String, Long> counts(Changeset changeset) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("records to change", changeset.updates());
        changeset.updatesByCheck().forEach((check, count) -> counts.put(CHANGED_BY + check, count));
        counts.put("workspaces to register", changeset.inserts());
        counts.put(NEEDING_A_PERSON, needingAPerson(changeset).values().stream().mapToLong(Long::longValue).sum());
        return counts;
    }

    /** Per check, the findings no fix of the changeset resolves, then those of the checks left unfixed. */
    private Map<String, Long> needingAPerson(Changeset changeset) {
        Map<String, Long> byCheck = new LinkedHashMap<>(changeset.manualByCheck());
        leftUnfixed.forEach((check, count) -> byCheck.merge(check, count, Long::sum));
        return byCheck;
    }

    /** How many findings the repair that made {@code report} left for a person: they still fail validate. */
    public static long leftForAPerson(JobReport report) {
        return report.counts().getOrDefault(NEEDING_A_PERSON, 0L);
    }

    /** How many identical repeated records the repair that made {@code report} removed from a JSON file. */
    public static long repeatsRemoved(JobReport report) {
        return report.counts().getOrDefault(RepeatRemoval.TO_REMOVE, 0L);
    }

    /** How many findings the repair {@code plan} plans would leave for a person. */
    public static long leftForAPerson(JobPlan plan) {
        return plan.counts().getOrDefault(NEEDING_A_PERSON, 0L);
    }

    /**
     * Another program (Minsky itself) may have written between planning and backing up: then
     * nothing is written. One pass over the store, since a JSON store's lookups each read the file.
     */
    private void requireUnchangedSincePlanning(SessionStore store, Changeset changeset) {
        Set<String> seen = new HashSet<>();
        try (RecordCursor cursor = store.cursor()) {
            cursor.forEachRemaining(record -> {
                if (changeset.sessions().contains(record.key()) && seen.add(record.key())
                        && !changeset.isPlannedFrom(record.key(), Optional.of(record))) {
                    throw changedMeanwhile(record.key());
                }
            });
        }
        for (String session : changeset.sessions()) {
            if (!seen.contains(session) && !changeset.isPlannedFrom(session, Optional.empty())) {
                throw changedMeanwhile(session);
            }
        }
    }

    private void requireAsPreviewed(Map<String, Long> preview, Changeset changeset) {
        Map<String, Long> planned = changeset.plannedFrom();
        Set<String> sessions = new TreeSet<>(preview.keySet());
        sessions.addAll(planned.keySet());
        sessions.stream().filter(session -> !Objects.equals(preview.get(session), planned.get(session))).findFirst().ifPresent(session -> {
            throw new JobRefusedException(locator.display() + " changed after the preview: session '" + SecretMasker.maskText("session", session)
                    + "' " + (planned.containsKey(session) ? preview.containsKey(session) ? "is not as it was previewed" : "now needs a change the preview did not show"
                    : "no longer needs the change the preview showed") + "; nothing was written, preview the changes again");
        });
    }

    private JobRefusedException changedMeanwhile(String session) {
        return new JobRefusedException(locator.display() + ": session '" + SecretMasker.maskText("session", session)
                + "' changed while the repair was planned; nothing was written, run the repair again");
    }

    /** One line per changed field: what a dry run prints, secrets masked. */
    public static List<String> describe(RecordChange change) {
        String session = SecretMasker.maskText("session", change.session());
        String checkNames = String.join(", ", change.checks());
        List<String> lines = new ArrayList<>();
        lines.add((change.isInsert() ? "add " : "change ") + session + " (" + checkNames + ")");
        for (FieldChange field : change.fieldChanges()) {
            lines.add("    " + (field.removesASecret() ? field.path() + ": " + FieldChange.REMOVED_SECRET : field.describe()));
        }
        change.notKept().forEach(field -> lines.add("    " + field + ": " + RecordChange.notKeptReason(field)));
        return lines;
    }

    /** One change as JSON, secrets masked: kept in the job report and printed by a JSON dry run. */
    public static ObjectNode toJson(RecordChange change) {
        ObjectNode entry = JsonCodec.MAPPER.createObjectNode()
                .put("session", SecretMasker.maskText("session", change.session()))
                .put("action", change.isInsert() ? "add" : "change");
        change.checks().forEach(entry.putArray("checks")::add);
        ArrayNode fields = entry.putArray("fields");
        for (FieldChange field : change.fieldChanges()) {
            ObjectNode fieldJson = fields.addObject().put("path", field.path());
            fieldJson.set("before", field.a());
            fieldJson.set("after", field.b());
            if (field.removesASecret()) {
                fieldJson.put("note", FieldChange.REMOVED_SECRET);
            } else {
                field.note().ifPresent(note -> fieldJson.put("note", note));
            }
        }
        if (!change.notKept().isEmpty()) {
            ArrayNode notKept = entry.putArray("notKept");
            change.notKept().forEach(field -> notKept.addObject().put("path", field).put("note", RecordChange.notKeptReason(field)));
        }
        return entry;
    }
}
