package dev.sessiondb.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.WriteBatch;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Minsky's layout keeps {@code prApproved: false} as NULL and reads it back as no value, as Minsky
 * does: a diff against it counts the two as the same, as the verification of a migration into it does,
 * and still shows every other change.
 */
class MinskyLayoutDiffTest {

    @TempDir
    Path tempDir;

    @Test
    void falseKeptAsNullIsNoChangeInEitherDirection() {
        SessionRecord unapproved = session("task#1", false, "task#1");
        SessionRecord unapprovedMoved = session("task#2", false, "task#2");
        StoreLocator json = write(StoreLocator.parse("json:" + tempDir.resolve("sessions.json")), List.of(unapproved, unapprovedMoved));
        StoreLocator minsky = write(StoreLocator.parse("sqlite:" + tempDir.resolve("sessions.db") + "?layout=minsky"),
                List.of(unapproved, session("task#2", false, "task#2-renamed")));

        try (SessionStore a = StoreFactory.open(json, OpenMode.EXISTING); SessionStore b = StoreFactory.open(minsky, OpenMode.EXISTING)) {
            assertThat(b.get("task#1").orElseThrow().fields().has("prApproved")).as("the layout reads false back as no value").isFalse();

            CollectedFindings forward = new CollectedFindings();
            CollectedFindings backward = new CollectedFindings();
            DiffSummary jsonFirst = new StoreDiff(Set.of()).compare(a, b, forward, ProgressMonitor.NONE);
            DiffSummary minskyFirst = new StoreDiff(Set.of()).compare(b, a, backward, ProgressMonitor.NONE);

            assertThat(jsonFirst).isEqualTo(new DiffSummary(0, 0, 1, 1)).isEqualTo(minskyFirst);
            assertThat(forward.events).containsExactly("changed task#2 [FieldChange[path=branch, a=\"task#2\", b=\"task#2-renamed\"]]");
            assertThat(backward.events).containsExactly("changed task#2 [FieldChange[path=branch, a=\"task#2-renamed\", b=\"task#2\"]]");
            assertThat(new StoreDiff(Set.of()).changes(a, b, unapproved, b.get("task#1").orElseThrow())).isEmpty();
        }
    }

    @Test
    void trueAgainstNoValueIsStillAChange() {
        StoreLocator json = write(StoreLocator.parse("json:" + tempDir.resolve("sessions.json")), List.of(session("task#1", true, "task#1")));
        StoreLocator minsky = write(StoreLocator.parse("sqlite:" + tempDir.resolve("sessions.db") + "?layout=minsky"),
                List.of(session("task#1", false, "task#1")));

        try (SessionStore a = StoreFactory.open(json, OpenMode.EXISTING); SessionStore b = StoreFactory.open(minsky, OpenMode.EXISTING)) {
            CollectedFindings findings = new CollectedFindings();
            new StoreDiff(Set.of()).compare(a, b, findings, ProgressMonitor.NONE);

            assertThat(findings.events).containsExactly("changed task#1 [FieldChange[path=prApproved, a=true, b=null]]");
        }
    }

    private static SessionRecord session(String key, boolean approved, String branch) {
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        fields.put("session", key);
        fields.put("repoName", "local/minsky");
        fields.put("repoUrl", "/home/user/minsky");
        fields.put("createdAt", "2025-06-01T10:00:00.000Z");
        fields.put("taskId", key.substring(key.indexOf('#')));
        fields.put("branch", branch);
        fields.put("prApproved", approved);
        return SessionRecord.of(fields);
    }

    private static StoreLocator write(StoreLocator locator, List<SessionRecord> records) {
        try (SessionStore store = StoreFactory.open(locator, OpenMode.CREATE_IF_MISSING)) {
            store.write(WriteBatch.replaceAll(records.iterator(), records.size()), ProgressMonitor.NONE);
        }
        return locator;
    }
}
