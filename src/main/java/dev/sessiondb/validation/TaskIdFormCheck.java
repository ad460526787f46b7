package dev.sessiondb.validation;

import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.validation.TaskIdForms.Form;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Task ids written in more than one form in one store ({@code #079}, {@code 079},
 * {@code md#079}): lookups that strip only {@code #} miss the qualified ones. The store's
 * most common form is the norm; repair rewrites the others in it, keeping the digits, but
 * never drops a backend qualifier.
 */
final class TaskIdFormCheck extends TaskIdFormsSurvey {

    @Override
    public String name() {
        return "task-id-form";
    }

    @Override
    public void inspect(SessionRecord record, Consumer<Finding> findings) {
        Optional<String> taskId = record.taskId();
        if (taskId.isEmpty()) {
            return;
        }
        Optional<Form> form = Form.of(taskId.get());
        if (form.isEmpty()) {
            findings.accept(Finding.of(this, Severity.WARNING, record.key(), "taskId '" + taskId.get() + "' is not a task id",
                    "write it as " + forms.inNorm("079") + " or remove it"));
            return;
        }
        if (!forms.isMixed() || form.get() == forms.norm()) {
            return;
        }
        String message = "taskId '" + taskId.get() + "' is written as " + form.get().describe() + ", but this store mostly writes "
                + forms.norm().describe() + " (" + forms.count(forms.norm()) + " of " + forms.total() + ")";
        if (form.get() == Form.QUALIFIED) {
            findings.accept(Finding.of(this, Severity.WARNING, record.key(), message,
                    "leave it (rewriting would drop its backend) or make the other task ids qualified too"));
            return;
        }
        String text = taskId.get().strip();
        String rewritten = forms.inNorm(text.substring(text.indexOf('#') + 1));
        findings.accept(Finding.repairable(this, Severity.WARNING, record.key(), message, "rewrite it as '" + rewritten + "'",
                List.of(FieldEdit.set("taskId", rewritten))));
    }
}
