package dev.sessiondb.validation;

import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.model.TaskId;
import dev.sessiondb.validation.TaskIdForms.Form;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Task ids written in more than one form in one store ({@code #079}, {@code 079},
 * {@code md#079}): lookups that strip only {@code #} miss the qualified ones. The store's
 * most common form is the norm; repair rewrites the others in it, keeping the digits, but
 * never drops a backend qualifier, and qualifies an id only with the backend its session's name
 * gives, or the store's only one.
 */
final class TaskIdFormCheck extends TaskIdFormsSurvey {

    /** A qualified task id inside a session's name, as {@code task-md#079} holds {@code md#079}. */
    private static final Pattern QUALIFIED_IN_NAME = Pattern.compile("(?<![A-Za-z])([A-Za-z]{1,8})#(\\d+)");

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
        if (forms.isTie()) {
            findings.accept(Finding.of(this, Severity.WARNING, record.key(), "taskId '" + taskId.get() + "' is written as " + form.get().describe()
                    + ", like " + forms.count(form.get()) + " of this store's " + forms.total() + " task ids; no form is the store's own: "
                    + forms.mostCommon().stream().map(Form::describe).collect(Collectors.joining(" and ")) + " are equally common ("
                    + forms.count(forms.norm()) + " of " + forms.total() + " each)",
                    "choose one form for every task id; repair rewrites none while no form is the most common"));
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
        String digits = text.substring(text.indexOf('#') + 1);
        Optional<String> rewritten = forms.inNorm(backendNamedBy(record.key(), digits), digits);
        if (rewritten.isEmpty()) {
            // the store's most common backend would move the session to another backend's task of the same number
            findings.accept(Finding.of(this, Severity.WARNING, record.key(), message, "qualify it with its own backend (like md#" + digits
                    + "): this store names several backends, and the session's name does not say which"));
            return;
        }
        findings.accept(Finding.repairable(this, Severity.WARNING, record.key(), message, "rewrite it as '" + rewritten.get() + "'",
                List.of(FieldEdit.set("taskId", rewritten.get()))));
    }

    /** The backend a session's name gives the same task number ({@code task-md#000079} for 079: md), if it gives one. */
    private static Optional<String> backendNamedBy(String key, String digits) {
        Optional<String> number = TaskId.parse(digits).map(TaskId::number);
        Matcher qualified = QUALIFIED_IN_NAME.matcher(key);
        while (qualified.find()) {
            Optional<TaskId> named = TaskId.parse(qualified.group());
            if (named.isPresent() && named.get().backend() != null && number.equals(Optional.of(named.get().number()))) {
                return Optional.of(named.get().backend());
            }
        }
        return Optional.empty();
    }
}
