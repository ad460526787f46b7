package dev.sessiondb.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads back the escapes a table cell shows in place of characters that cannot be seen or typed
 * ({@code \u200b}, {@code \n}), so that a session name can be typed as the table shows it.
 */
public final class CellEscapes {

    private static final Pattern ESCAPE = Pattern.compile("\\\\(u[0-9a-fA-F]{4}|[ntr])");

    private CellEscapes() {
    }

    /** The text a cell shows as {@code shown}: each escape (a backslash, u and four hex digits; \n, \t, \r) read as its character. */
    public static String read(String shown) {
        return ESCAPE.matcher(shown).replaceAll(escape -> Matcher.quoteReplacement(switch (escape.group(1)) {
            case "n" -> "\n";
            case "t" -> "\t";
            case "r" -> "\r";
            default -> String.valueOf((char) Integer.parseInt(escape.group(1).substring(1), 16));
        }));
    }
}
