package dev.sessiondb.validation;

import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.SessionKind;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.model.TaskId;
import java.util.List;
import java.util.function.Consumer;

/**
 * Sessions named for a task ({@code task#107}, {@code #87}, {@code task-md#092}, {@code task025}, {@code task-96}) whose record has no task id:
 * lookups by task do not find them, and Minsky's own migration skipped every record without
 * one. Bare numbers are not taken for task names, nor other tools' sessions for Minsky's. Repair sets the task id in the store's norm,
 * keeping a backend the name gives.
 */
final class TaskIdMissingCheck extends TaskIdFormsSurvey {

    @Override
    public String name() {
        return "task-id-missing";
    }

    @Override
    public void inspect(SessionRecord record, Consumer<Finding> findings) {
        // a chat server's or magellai's session has no task id to miss, whatever it is named
        if (SessionKind.of(record) != SessionKind.MINSKY || record.taskId().filter(taskId -> !taskId.isBlank()).isPresent()) {
            return;
        }
        forms.namedBy(record.key()).ifPresent(taskId -> {
            String task = TaskId.parse(taskId).map(TaskId::qualified).orElse(taskId);
            String has = record.field("taskId").filter(value -> !value.isNull() && !value.isTextual())
                    .map(value -> "its taskId is " + JsonCodec.describeType(value) + ", not text").orElse("has no taskId");
            findings.accept(Finding.repairable(this, Severity.WARNING, record.key(),
                    "session '" + record.key().strip() + "' is named for task " + task + " but " + has + "; lookups by task miss it",
                    "set taskId to '" + taskId + "'", List.of(FieldEdit.set("taskId", taskId))));
        });
    }
}
