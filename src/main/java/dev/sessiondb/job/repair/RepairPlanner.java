package dev.sessiondb.job.repair;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
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
import java.util.Objects;
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
                        addAsStored(changeset, store, before.key(), Optional.of(before), edited(before.fields(), before.key(), edits, store), checkNames(edits));
                    }
                }
            }
            repairable.forEach((session, edits) -> addAsStored(changeset, store, session, Optional.empty(),
                    edited(JsonNodeFactory.instance.objectNode(), session, edits, store), checkNames(edits)));
            return changeset;
        } catch (RuntimeException e) {
            changeset.close();
            throw e;
        }
    }

    /**
     * Plans the record as the store will hold it, so that the plan, the preview and the report say what is written:
     * the fields its layout has no column for are named, not shown as set. A record the store would refuse, or one
     * whose fixes set only such fields, is not written, and the plan says why.
     */
    private static void addAsStored(Changeset changeset, SessionStore store, String session, Optional<SessionRecord> before, SessionRecord asked,
                                    List<String> checks) {
        Optional<String> keyChange = keyChange(session, before, asked);
        if (keyChange.isPresent()) {
            changeset.notWritten(new NotWritten(session, checks, keyChange.get()));
            return;
        }
        SessionRecord stored = SessionRecord.of(store.asStored(asked));
        List<String> notKept = store.unsupportedFields(asked).stream().filter(field -> !stored.fields().has(field)).toList();
        List<String> refusals = store.refusals(stored);
        if (!refusals.isEmpty()) {
            changeset.notWritten(new NotWritten(session, checks, String.join("; ", refusals)));
        } else if (!before.map(stored::equals).orElse(false)) {
            changeset.add(new RecordChange(session, before, stored, checks, notKept));
        } else if (!notKept.isEmpty()) {
            changeset.notWritten(new NotWritten(session, checks, "its fix sets only " + String.join(", ", notKept)
                    + ", and this store's layout has no column for " + (notKept.size() == 1 ? "it" : "them")));
        }
    }

    /**
     * The safety net under every check: a store finds a record by its key, so a fix that changes one ({@code session},
     * {@code sessionId} or {@code id}) would write a second record beside the first, which keeps what the fix was for.
     * Such a record is not written, and the plan says why; empty when the keys stay as they were.
     */
    private static Optional<String> keyChange(String session, Optional<SessionRecord> before, SessionRecord asked) {
        if (before.isEmpty()) {
            return asked.key().equals(session) ? Optional.empty() : Optional.of(keyChanged("session", TextNode.valueOf(session), TextNode.valueOf(asked.key())));
        }
        for (String name : SessionRecord.KEY_FIELDS) {
            JsonNode was = before.get().field(name).orElse(null);
            JsonNode is = asked.field(name).orElse(null);
            if (!Objects.equals(was, is)) {
                return Optional.of(keyChanged(name, was, is));
            }
        }
        return Optional.empty();
    }

    private static String keyChanged(String name, JsonNode was, JsonNode is) {
        return "its fix would change the record's key field '" + name + "' (" + shown(name, was) + " -> " + shown(name, is)
                + "), which would write a second record beside this one; nothing of it is written: fix the record by hand"
                + " (sessiondb validate lists the findings) and report the check that asked for it";
    }

    private static String shown(String name, JsonNode value) {
        return value == null ? "absent" : value.isTextual() ? "'" + SecretMasker.maskText(name, value.asText()) + "'" : value.toString();
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
