package dev.sessiondb.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a failure's message names, as fields a script reads: the store's messages follow one form,
 * "STORE: what happened (at line L, column C, record N, session 'S', field 'F'); what to do", so the
 * store, the position and the advice are read from it rather than each exception carrying them.
 */
final class FailureFields {

    private static final Pattern SESSION = Pattern.compile("session '(.*?)'(?=[\\s,;:.)]|$)");
    private static final Pattern RECORD = Pattern.compile("\\brecord (\\d+)\\b");
    private static final Pattern FIELD = Pattern.compile("\\bfield '([^']*)'|'([^']*)' field\\b");
    private static final Pattern LINE_AND_COLUMN = Pattern.compile("\\bline (\\d+), column (\\d+)");
    /** "NullPointerException: ..." names what failed, not a store. */
    private static final Pattern EXCEPTION_NAME = Pattern.compile("[A-Z]\\w*(Exception|Error)");

    private FailureFields() {
    }

    /** Adds to {@code failure} the store, record, field, position and advice {@code message} names. */
    static void named(String message, ObjectNode failure) {
        store(message).ifPresent(store -> failure.put("store", store));
        first(SESSION, message).ifPresent(session -> failure.put("session", session));
        first(RECORD, message).ifPresent(record -> failure.put("record", Long.parseLong(record)));
        first(FIELD, message).ifPresent(field -> failure.put("field", field));
        Matcher position = LINE_AND_COLUMN.matcher(message);
        if (position.find()) {
            failure.put("line", Long.parseLong(position.group(1))).put("column", Long.parseLong(position.group(2)));
        }
        todo(message).ifPresent(todo -> failure.put("todo", todo));
    }

    /** The name before the first ": " when it is a store's: a path, a file name or a locator, one word, maybe after "source" or "target". */
    private static Optional<String> store(String message) {
        int end = outsideParentheses(message, ": ");
        if (end <= 0) {
            return Optional.empty();
        }
        // a job names its stores by their part in it: "source json:a.json: no such store"
        String name = message.substring(0, end).replaceFirst("^(source|target) ", "");
        boolean looksLikeAStore = !name.contains(" ") && !name.startsWith("-") && name.matches(".*[/.:\\\\].*") && !EXCEPTION_NAME.matcher(name).matches();
        return looksLikeAStore ? Optional.of(name) : Optional.empty();
    }

    /** What follows the first "; " outside parentheses: the store's messages put what to do there. */
    private static Optional<String> todo(String message) {
        int at = outsideParentheses(message, "; ");
        return at < 0 ? Optional.empty() : Optional.of(message.substring(at + 2).strip()).filter(todo -> !todo.isEmpty());
    }

    /** Where {@code separator} first occurs outside parentheses (a driver's quoted words may hold one), or -1. */
    private static int outsideParentheses(String message, String separator) {
        int depth = 0;
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && depth > 0) {
                depth--;
            } else if (depth == 0 && message.startsWith(separator, i)) {
                return i;
            }
        }
        return -1;
    }

    private static Optional<String> first(Pattern pattern, String message) {
        Matcher found = pattern.matcher(message);
        if (!found.find()) {
            return Optional.empty();
        }
        return Optional.of(found.group(1) != null || found.groupCount() < 2 ? found.group(1) : found.group(2));
    }
}
