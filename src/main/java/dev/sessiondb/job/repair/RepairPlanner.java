package dev.sessiondb.job.repair;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.model.SecretMasker;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.RecordCursor;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.validation.Check;
import dev.sessiondb.validation.FieldEdit;
import dev.sessiondb.validation.Validator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns findings into a changeset without writing anything: validate, keep the edits the
 * findings carry (only those, not the findings' texts), then stream the store once more
 * applying each session's edits in order. Edits on sessions the store lacks (unregistered
 * workspaces) become new records.
 */
public final class RepairPlanner {

    /** The edits one check asks for on one session. */
    private record PlannedEdits(String check, List<FieldEdit> edits) {
    }

    private RepairPlanner() {
    }

    /** The caller closes the changeset, which deletes its temporary file. */
    public static Changeset plan(SessionStore store, List<Check> checks, ProgressMonitor monitor) {
        Changeset changeset = new Changeset();
        try {
            Map<String, List<PlannedEdits>> repairable = new LinkedHashMap<>();
            new Validator(checks).run(store, finding -> {
                if (finding.isRepairable() && finding.session() != null) {
                    repairable.computeIfAbsent(finding.session(), key -> new ArrayList<>()).add(new PlannedEdits(finding.check(), finding.edits()));
                } else {
                    changeset.needsPerson(finding.check());
                }
            }, monitor);
            try (RecordCursor cursor = store.cursor()) {
                while (cursor.hasNext() && !repairable.isEmpty()) {
                    monitor.checkCancelled();
                    SessionRecord before = cursor.next();
                    List<PlannedEdits> edits = repairable.remove(before.key());
                    if (edits != null) {
                        SessionRecord after = edited(before.fields(), before.key(), edits, store);
                        if (!after.equals(before)) {
                            changeset.add(new RecordChange(before.key(), Optional.of(before), after, checkNames(edits)));
                        }
                    }
                }
            }
            repairable.forEach((session, edits) -> changeset.add(new RecordChange(session, Optional.empty(),
                    edited(JsonNodeFactory.instance.objectNode(), session, edits, store), checkNames(edits))));
            return changeset;
        } catch (RuntimeException e) {
            changeset.close();
            throw e;
        }
    }

    private static List<String> checkNames(List<PlannedEdits> edits) {
        return edits.stream().map(PlannedEdits::check).distinct().toList();
    }

    private static SessionRecord edited(ObjectNode fields, String session, List<PlannedEdits> planned, SessionStore store) {
        for (PlannedEdits edits : planned) {
            edits.edits().forEach(edit -> edit.applyTo(fields));
        }
        try {
            return SessionRecord.of(fields);
        } catch (IllegalArgumentException e) {
            throw new StoreException(store.locator().display() + ": the repair of session '" + SecretMasker.maskText("session", session) + "' by " + planned.get(0).check()
                    + " leaves no session key; run that check with validate and fix it by hand", e);
        }
    }
}
