package dev.sessiondb.job.repair;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.diff.FieldChange;
import dev.sessiondb.job.Job;
import dev.sessiondb.job.JobPlan;
import dev.sessiondb.job.JobRefusedException;
import dev.sessiondb.job.JobReport;
import dev.sessiondb.job.StoreProbe;
import dev.sessiondb.job.backup.Backup;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.SecretMasker;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.RecordCursor;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.validation.Checks;
import dev.sessiondb.validation.Finding;
import dev.sessiondb.validation.ValidationContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies the suggested fixes of validation as one changeset: the dry run shows it record by
 * record; the run backs the store up, checks that no planned record changed meanwhile, and
 * writes every change in one transaction. {@code sessiondb undo} restores the backup.
 */
public final class RepairJob implements Job {

    private final StoreLocator locator;
    private final List<String> checks;
    private final List<Path> workspaceRoots;
    private final BackupJournal journal;

    /**
     * @param checks         the checks whose fixes to apply; empty means all
     * @param workspaceRoots Minsky state directories whose unregistered workspaces to register
     */
    public RepairJob(StoreLocator locator, List<String> checks, List<Path> workspaceRoots, BackupJournal journal) {
        this.locator = locator;
        this.checks = List.copyOf(checks);
        this.workspaceRoots = List.copyOf(workspaceRoots);
        this.journal = journal;
    }

    @Override
    public String description() {
        return "repair " + locator.display() + (checks.isEmpty() ? "" : " (" + String.join(", ", checks) + ")");
    }

    /** The changeset a run would write; nothing is written to compute it. */
    public Changeset changeset(ProgressMonitor monitor) {
        StoreProbe.requireSource(locator);
        try (SessionStore store = StoreFactory.open(locator, OpenMode.EXISTING)) {
            return RepairPlanner.plan(store, Checks.create(checks, ValidationContext.of(store, workspaceRoots)), monitor);
        }
    }

    @Override
    public JobPlan plan() {
        Changeset changeset = changeset(ProgressMonitor.NONE);
        List<String> lines = new ArrayList<>();
        changeset.changes().forEach(change -> lines.addAll(describe(change)));
        List<String> warnings = new ArrayList<>();
        changeset.manualByCheck().forEach((check, count) -> warnings.add(count + " " + check + " finding" + (count == 1 ? "" : "s")
                + " need a person; run 'sessiondb validate --check " + check + "'"));
        return new JobPlan(description(), counts(changeset), Map.of(), lines, warnings, Optional.empty());
    }

    @Override
    public JobReport run(ProgressMonitor monitor) {
        monitor.message("planning");
        Changeset changeset = changeset(monitor);
        JobReport.Builder report = new JobReport.Builder(BackupJournal.newRunId("repair"), "repair", description());
        counts(changeset).forEach(report::count);
        changeset.manualByCheck().forEach((check, count) -> report.warning(count + " " + check + " findings need a person"));
        report.details().set("changes", toJson(changeset));
        if (!changeset.isEmpty()) {
            monitor.message("backing up");
            Backup backup = journal.backUp(report.runId(), locator, description(), monitor);
            report.backupId(backup.id());
            try (SessionStore store = StoreFactory.open(locator, OpenMode.EXISTING)) {
                requireUnchangedSincePlanning(store, changeset);
                monitor.message("writing");
                changeset.applyTo(store, monitor);
            }
        }
        JobReport done = report.build();
        done.saveTo(journal.reportsDir());
        return done;
    }

    private static Map<String, Long> counts(Changeset changeset) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("records to change", changeset.updates());
        counts.put("workspaces to register", changeset.inserts());
        counts.put("findings needing a person", changeset.manual());
        return counts;
    }

    /**
     * Another program (Minsky itself) may have written between planning and backing up: then
     * nothing is written. One pass over the store, since a JSON store's lookups each read the file.
     */
    private void requireUnchangedSincePlanning(SessionStore store, Changeset changeset) {
        Map<String, Optional<SessionRecord>> planned = new HashMap<>();
        changeset.changes().forEach(change -> planned.put(change.session(), change.before()));
        Map<String, Optional<SessionRecord>> current = new HashMap<>();
        planned.keySet().forEach(key -> current.put(key, Optional.empty()));
        try (RecordCursor cursor = store.cursor()) {
            cursor.forEachRemaining(record -> {
                if (planned.containsKey(record.key())) {
                    current.put(record.key(), Optional.of(record));
                }
            });
        }
        planned.forEach((session, before) -> {
            if (!current.get(session).equals(before)) {
                throw new JobRefusedException(locator.display() + ": session '" + SecretMasker.maskText("session", session)
                        + "' changed while the repair was planned; nothing was written, run the repair again");
            }
        });
    }

    /** One line per changed field: what a dry run prints, secrets masked. */
    public static List<String> describe(RecordChange change) {
        String session = SecretMasker.maskText("session", change.session());
        String checkNames = String.join(", ", change.reasons().stream().map(Finding::check).distinct().toList());
        List<String> lines = new ArrayList<>();
        lines.add((change.isInsert() ? "add " : "change ") + session + " (" + checkNames + ")");
        for (FieldChange field : change.fieldChanges()) {
            lines.add("    " + field.path() + ": " + text(field.a()) + " -> " + text(field.b()));
        }
        return lines;
    }

    private static String text(JsonNode value) {
        return value == null ? "(absent)" : JsonCodec.compact(value);
    }

    /** The changeset as JSON, secrets masked: kept in the job report and printed by a JSON dry run. */
    public static ArrayNode toJson(Changeset changeset) {
        ArrayNode changes = JsonCodec.MAPPER.createArrayNode();
        for (RecordChange change : changeset.changes()) {
            ObjectNode entry = changes.addObject()
                    .put("session", SecretMasker.maskText("session", change.session()))
                    .put("action", change.isInsert() ? "add" : "change");
            change.reasons().stream().map(Finding::check).distinct().forEach(entry.putArray("checks")::add);
            ArrayNode fields = entry.putArray("fields");
            for (FieldChange field : change.fieldChanges()) {
                ObjectNode fieldJson = fields.addObject().put("path", field.path());
                fieldJson.set("before", field.a());
                fieldJson.set("after", field.b());
            }
        }
        return changes;
    }
}
