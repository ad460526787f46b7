package dev.sessiondb.job.repair;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.RecordCursor;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.validation.Check;
import dev.sessiondb.validation.FieldEdit;
import dev.sessiondb.validation.Finding;
import dev.sessiondb.validation.Validator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Turns findings into a changeset without writing anything: validate, keep the findings that
 * carry edits, then stream the store once more applying each session's edits in order.
 * Findings on sessions the store lacks (unregistered workspaces) become new records.
 */
public final class RepairPlanner {

    private RepairPlanner() {
    }

    public static Changeset plan(SessionStore store, List<Check> checks, ProgressMonitor monitor) {
        Map<String, List<Finding>> repairable = new LinkedHashMap<>();
        Map<String, Long> manual = new TreeMap<>();
        new Validator(checks).run(store, finding -> {
            if (finding.isRepairable() && finding.session() != null) {
                repairable.computeIfAbsent(finding.session(), key -> new ArrayList<>()).add(finding);
            } else {
                manual.merge(finding.check(), 1L, Long::sum);
            }
        }, monitor);
        List<RecordChange> changes = new ArrayList<>();
        try (RecordCursor cursor = store.cursor()) {
            while (cursor.hasNext() && !repairable.isEmpty()) {
                monitor.checkCancelled();
                SessionRecord before = cursor.next();
                List<Finding> findings = repairable.remove(before.key());
                if (findings != null) {
                    SessionRecord after = edited(before.fields(), findings, store);
                    if (!after.equals(before)) {
                        changes.add(new RecordChange(before.key(), Optional.of(before), after, findings));
                    }
                }
            }
        }
        repairable.forEach((session, findings) -> changes.add(new RecordChange(session, Optional.empty(),
                edited(JsonNodeFactory.instance.objectNode(), findings, store), findings)));
        return new Changeset(changes, manual);
    }

    private static SessionRecord edited(ObjectNode fields, List<Finding> findings, SessionStore store) {
        for (Finding finding : findings) {
            for (FieldEdit edit : finding.edits()) {
                edit.applyTo(fields);
            }
        }
        try {
            return SessionRecord.of(fields);
        } catch (IllegalArgumentException e) {
            throw new StoreException(store.locator().display() + ": the repair of session '" + findings.get(0).session()
                    + "' by " + findings.get(0).check() + " leaves no session key; run that check with validate and fix it by hand", e);
        }
    }
}
