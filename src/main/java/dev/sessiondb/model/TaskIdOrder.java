package dev.sessiondb.model;

import java.util.Optional;

/**
 * The order of task ids every backend sorts by: by the task's number, numerically, the same
 * task's ids together by text ({@code #079}, {@code 079}, {@code md#079}, {@code mt#079}), then
 * the task ids that are no number, by text. It is the binary order of {@link #sortText}; the SQL
 * stores sort by the number as SQLite's {@code CAST(... AS INTEGER)} gives it, then by the text
 * ({@code store/sql/TaskOrderSql}), which their index on both serves.
 */
public final class TaskIdOrder {

    /** SQLite's CAST gives this for a larger number, so every backend takes such numbers (no task's) as equal, then orders them by text. */
    private static final String LARGEST = Long.toString(Long.MAX_VALUE);

    private TaskIdOrder() {
    }

    /**
     * The text a task id sorts by: for a task number, the number in 19 digits (at most
     * {@link Long#MAX_VALUE}) and the id as written ({@code 0000000000000000079md#079}); for a
     * task id that is no number, {@code ~} and the id. A task id is a number as {@link TaskId#parse}
     * reads it, but with no space around it (SQL would pay a trim per row for that).
     */
    public static String sortText(String taskId) {
        Optional<TaskId> task = taskId.strip().length() == taskId.length() ? TaskId.parse(taskId) : Optional.empty();
        if (task.isEmpty()) {
            return "~" + taskId;
        }
        String number = task.get().number();
        boolean beyondLong = number.length() > LARGEST.length() || number.length() == LARGEST.length() && number.compareTo(LARGEST) > 0;
        String digits = beyondLong ? LARGEST : number;
        return "0".repeat(LARGEST.length() - digits.length()) + digits + taskId;
    }
}
