package dev.sessiondb.validation;

import dev.sessiondb.model.TaskId;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which forms a store writes its task ids in ({@code 079}, {@code #079}, {@code md#079}) and
 * how many of each: the most common form is the store's norm, the one repairs write.
 */
final class TaskIdForms {

    /** A session named for a task: {@code task#079}, {@code #079}, {@code md#079}, {@code task-md#079}; a bare number is not taken for one. */
    private static final Pattern TASK_NAME = Pattern.compile("^(?:task-)?([a-z]{1,8})?#(\\d+)$", Pattern.CASE_INSENSITIVE);
    /** A session named {@code task} and the task's number alone, as real stores hold them: {@code task025}, {@code task-96}. */
    private static final Pattern PLAIN_TASK_NAME = Pattern.compile("^task-?(\\d+)$", Pattern.CASE_INSENSITIVE);

    /** The forms, in order of preference when two are equally common. */
    enum Form {
        QUALIFIED, HASH, BARE;

        static Optional<Form> of(String taskId) {
            return TaskId.parse(taskId).map(task -> of(taskId, task));
        }

        /** The form of {@code taskId}, which reads as {@code task}. */
        private static Form of(String taskId, TaskId task) {
            if (task.backend() != null) {
                return QUALIFIED;
            }
            return taskId.indexOf('#') < 0 ? BARE : HASH;
        }

        String describe() {
            return switch (this) {
                case BARE -> "bare digits (like 079)";
                case HASH -> "#digits (like #079)";
                case QUALIFIED -> "backend#digits (like md#079)";
            };
        }
    }

    private final Map<Form, Long> counts = new EnumMap<>(Form.class);
    private final Map<String, Long> backendCounts = new HashMap<>();
    /** What the counts say, worked out at the first question after counting: checks ask per record. */
    private Summary summary;

    /** @param tie whether another form is as common as the norm, which then is only the preferred of them */
    private record Summary(Form norm, boolean tie, long total, String commonBackend) {
    }

    void count(String taskId) {
        TaskId.parse(taskId).ifPresent(task -> {
            counts.merge(Form.of(taskId, task), 1L, Long::sum);
            if (task.backend() != null) {
                backendCounts.merge(task.backend(), 1L, Long::sum);
            }
            summary = null;
        });
    }

    boolean isMixed() {
        return counts.size() > 1;
    }

    long count(Form form) {
        return counts.getOrDefault(form, 0L);
    }

    long total() {
        return summary().total();
    }

    /** The most common form, the preferred of the most common on a tie; {@code #079} in a store without task ids. */
    Form norm() {
        return summary().norm();
    }

    /** The forms as common as the norm, the preferred first: more than one on a tie. */
    List<Form> mostCommon() {
        return Arrays.stream(Form.values()).filter(form -> count(form) == count(norm())).toList();
    }

    /** Whether no form is more common than every other: then the norm is only a preference, and no id is rewritten to it. */
    boolean isTie() {
        return summary().tie();
    }

    /** The digits as written, in the norm: {@code 079} becomes {@code #079} in a store that mostly writes {@code #}. */
    String inNorm(String digits) {
        return switch (norm()) {
            case BARE -> digits;
            case HASH -> "#" + digits;
            case QUALIFIED -> summary().commonBackend() + "#" + digits;
        };
    }

    /**
     * The digits in the norm, a qualified norm taking {@code backend} or else the store's only one; empty when it has
     * neither, since the most common backend could name another backend's task of the same number.
     */
    Optional<String> inNorm(Optional<String> backend, String digits) {
        if (norm() != Form.QUALIFIED) {
            return Optional.of(inNorm(digits));
        }
        return backend.or(this::soleBackend).map(qualifier -> qualifier + "#" + digits);
    }

    /**
     * The task id a session's name gives, as this store writes task ids, with the digits as the name has them: a
     * backend the name gives is kept ({@code task-md#092}: {@code md#092}); without one the id is in the norm, or
     * {@code #digits} where the norm would need a backend nobody gave.
     */
    Optional<String> namedBy(String session) {
        Matcher plain = PLAIN_TASK_NAME.matcher(session.strip());
        Matcher name = TASK_NAME.matcher(session.strip());
        if (!plain.matches() && !name.matches()) {
            return Optional.empty();
        }
        String digits = plain.matches() ? plain.group(1) : name.group(2);
        Optional<String> backend = plain.matches() ? Optional.empty() : Optional.ofNullable(name.group(1))
                .map(qualifier -> qualifier.toLowerCase(Locale.ROOT)).filter(qualifier -> !qualifier.equals("task"));
        return Optional.of(backend.map(qualifier -> qualifier + "#" + digits).orElseGet(() -> inNorm(Optional.empty(), digits).orElse("#" + digits)));
    }

    /** The one backend the store's qualified ids name, when they name only one. */
    Optional<String> soleBackend() {
        return backendCounts.size() == 1 ? Optional.of(backendCounts.keySet().iterator().next()) : Optional.empty();
    }

    private Summary summary() {
        if (summary == null) {
            Form best = Form.HASH;
            long bestCount = 0;
            boolean tie = false;
            for (Form form : Form.values()) {
                if (count(form) > bestCount) {
                    best = form;
                    bestCount = count(form);
                    tie = false;
                } else if (count(form) == bestCount && bestCount > 0) {
                    tie = true;
                }
            }
            String backend = backendCounts.entrySet().stream()
                    .max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .map(Map.Entry::getKey).orElse("md");
            summary = new Summary(best, tie, counts.values().stream().mapToLong(Long::longValue).sum(), backend);
        }
        return summary;
    }
}
