package dev.sessiondb.validation;

import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.model.TaskId;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Sessions named for a task ({@code task#107}, {@code #87}) whose record has no task id:
 * lookups by task do not find them, and Minsky's own migration skipped every record without
 * one. Bare numbers are not taken for task names. Repair sets the task id in the store's norm.
 */
final class TaskIdMissingCheck extends TaskIdFormsSurvey {

    private static final Pattern TASK_NAME = Pattern.compile("^(?:[a-z]{1,8})?#\\d+$", Pattern.CASE_INSENSITIVE);

    @Override
    public String name() {
        return "task-id-missing";
    }

    @Override
    public void inspect(SessionRecord record, Consumer<Finding> findings) {
        String key = record.key().strip();
        if (record.taskId().filter(taskId -> !taskId.isBlank()).isPresent() || !TASK_NAME.matcher(key).matches()) {
            return;
        }
        TaskId.parse(key).ifPresent(task -> {
            String taskId = forms.inNorm(key.substring(key.indexOf('#') + 1));
            String has = record.field("taskId").filter(value -> !value.isNull() && !value.isTextual())
                    .map(value -> "its taskId is " + JsonCodec.describeType(value) + ", not text").orElse("has no taskId");
            findings.accept(Finding.repairable(this, Severity.WARNING, record.key(),
                    "session '" + key + "' is named for task " + task.qualified() + " but " + has + "; lookups by task miss it",
                    "set taskId to '" + taskId + "'", List.of(FieldEdit.set("taskId", taskId))));
        });
    }
}
