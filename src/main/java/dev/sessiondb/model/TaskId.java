package dev.sessiondb.model;

import java.util.Locale;
import java.util.Optional;

/**
 * A task id in any of the forms real stores mix: {@code #079}, {@code 079}, {@code md#079},
 * {@code mt#283}, {@code task#079}. Two ids are the same task when their numbers match and
 * their backends match or one of them names none.
 *
 * @param backend the qualifier before {@code #} ({@code md}, {@code mt}), or null for a bare id
 * @param number  the digits without leading zeros
 */
public record TaskId(String backend, String number) {

    /** The longest backend qualifier before {@code #}. */
    private static final int MAX_QUALIFIER = 8;

    /**
     * Reads {@code [qualifier]#digits} or {@code digits}, around surrounding space: a qualifier
     * is one to eight ASCII letters ({@code task} names no backend), the digits are ASCII. Read
     * by hand rather than by a regex: validation reads several per record, millions in a store.
     */
    public static Optional<TaskId> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String id = text.strip();
        int hash = id.indexOf('#');
        if (hash > MAX_QUALIFIER || !isAsciiLetters(id, 0, hash)) {
            return Optional.empty();
        }
        int digits = hash + 1;
        if (digits == id.length() || !isAsciiDigits(id, digits, id.length())) {
            return Optional.empty();
        }
        while (digits < id.length() - 1 && id.charAt(digits) == '0') {
            digits++;
        }
        String qualifier = hash > 0 ? id.substring(0, hash) : null;
        String backend = qualifier == null || qualifier.equalsIgnoreCase("task") ? null : qualifier.toLowerCase(Locale.ROOT);
        return Optional.of(new TaskId(backend, id.substring(digits)));
    }

    private static boolean isAsciiLetters(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if ((c < 'a' || c > 'z') && (c < 'A' || c > 'Z')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiDigits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    public boolean sameTaskAs(TaskId other) {
        return number.equals(other.number) && (backend == null || other.backend == null || backend.equals(other.backend));
    }

    /** Whether the record's task id, in whichever form it is written, names this task. */
    public boolean isTaskOf(SessionRecord record) {
        return record.taskId().flatMap(TaskId::parse).filter(this::sameTaskAs).isPresent();
    }

    /** The qualified form {@code md#79}, or {@code #79} without a backend. */
    public String qualified() {
        return (backend == null ? "" : backend) + "#" + number;
    }
}
