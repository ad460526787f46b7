package dev.sessiondb.model;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A task id in any of the forms real stores mix: {@code #079}, {@code 079}, {@code md#079},
 * {@code mt#283}, {@code task#079}. Two ids are the same task when their numbers match and
 * their backends match or one of them names none.
 *
 * @param backend the qualifier before {@code #} ({@code md}, {@code mt}), or null for a bare id
 * @param number  the digits without leading zeros
 */
public record TaskId(String backend, String number) {

    private static final Pattern FORM = Pattern.compile("^(?:(task|[a-z]{1,8})#|#)?0*(\\d+)$", Pattern.CASE_INSENSITIVE);

    public static Optional<TaskId> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = FORM.matcher(text.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String qualifier = matcher.group(1);
        String backend = qualifier == null || qualifier.equalsIgnoreCase("task") ? null : qualifier.toLowerCase(java.util.Locale.ROOT);
        return Optional.of(new TaskId(backend, matcher.group(2)));
    }

    public boolean sameTaskAs(TaskId other) {
        return number.equals(other.number) && (backend == null || other.backend == null || backend.equals(other.backend));
    }

    /** The qualified form {@code md#79}, or {@code #79} without a backend. */
    public String qualified() {
        return (backend == null ? "" : backend) + "#" + number;
    }
}
