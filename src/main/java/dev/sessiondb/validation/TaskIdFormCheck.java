package dev.sessiondb.validation;

import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.model.TaskId;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Task ids written in more than one form in one store ({@code #079}, {@code 079},
 * {@code md#079}): lookups that strip only {@code #} miss the qualified ones. The store's
 * most common form is the norm; repair rewrites the others in it, keeping the digits, but
 * never drops a backend qualifier.
 */
final class TaskIdFormCheck implements Check {

    /** The forms, in order of preference when two are equally common. */
    enum Form {
        QUALIFIED, HASH, BARE;

        static Optional<Form> of(String taskId) {
            String text = taskId.strip();
            if (TaskId.parse(text).isEmpty()) {
                return Optional.empty();
            }
            if (text.chars().allMatch(Character::isDigit)) {
                return Optional.of(BARE);
            }
            return Optional.of(text.startsWith("#") || text.toLowerCase(java.util.Locale.ROOT).startsWith("task#") ? HASH : QUALIFIED);
        }
    }

    private final Map<Form, Long> formCounts = new EnumMap<>(Form.class);
    private final Map<String, Long> backendCounts = new HashMap<>();

    @Override
    public String name() {
        return "task-id-form";
    }

    @Override
    public boolean needsSurvey() {
        return true;
    }

    @Override
    public void survey(SessionRecord record) {
        record.taskId().ifPresent(taskId -> Form.of(taskId).ifPresent(form -> {
            formCounts.merge(form, 1L, Long::sum);
            TaskId.parse(taskId).map(TaskId::backend).ifPresent(backend -> backendCounts.merge(backend, 1L, Long::sum));
        }));
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
                    "write it as " + example(norm()) + " or remove it"));
            return;
        }
        if (formCounts.size() < 2 || form.get() == norm()) {
            return;
        }
        String message = "taskId '" + taskId.get() + "' is written as " + describe(form.get()) + " but this store mostly writes "
                + describe(norm()) + " (" + formCounts.get(norm()) + " of " + total() + ")";
        if (form.get() == Form.QUALIFIED) {
            findings.accept(Finding.of(this, Severity.WARNING, record.key(), message,
                    "leave it (rewriting would drop its backend) or make the other task ids qualified too"));
            return;
        }
        String rewritten = rewrite(taskId.get().strip());
        findings.accept(Finding.repairable(this, Severity.WARNING, record.key(), message, "rewrite it as '" + rewritten + "'",
                List.of(FieldEdit.set("taskId", rewritten))));
    }

    private String rewrite(String taskId) {
        String digits = taskId.substring(taskId.indexOf('#') + 1);
        return switch (norm()) {
            case BARE -> digits;
            case HASH -> "#" + digits;
            case QUALIFIED -> commonBackend() + "#" + digits;
        };
    }

    private Form norm() {
        Form best = Form.HASH;
        long bestCount = -1;
        for (Form form : Form.values()) {
            long count = formCounts.getOrDefault(form, 0L);
            if (count > bestCount) {
                best = form;
                bestCount = count;
            }
        }
        return best;
    }

    private String commonBackend() {
        return backendCounts.entrySet().stream().max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).orElse("md");
    }

    private long total() {
        return formCounts.values().stream().mapToLong(Long::longValue).sum();
    }

    private static String describe(Form form) {
        return switch (form) {
            case BARE -> "bare digits (079)";
            case HASH -> "#digits (#079)";
            case QUALIFIED -> "backend#digits (md#079)";
        };
    }

    private String example(Form form) {
        return switch (form) {
            case BARE -> "079";
            case HASH -> "#079";
            case QUALIFIED -> commonBackend() + "#079";
        };
    }
}
