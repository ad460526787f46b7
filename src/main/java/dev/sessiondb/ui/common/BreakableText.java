package dev.sessiondb.ui.common;

/**
 * A long unspaced text (a path, a URL, a camelCase name) as a wrapped cell shows it, breakable where a reader expects: after
 * {@code / \ . _ - : ? & =} and between the words of camelCase ("backend|Type"); inside a word only where none of these fits
 * the line. JavaFX wraps Latin text only after a whitespace character (a zero-width space U+200B is none, so it breaks
 * nothing), so the shown text gets {@link #BREAK}, a whitespace that takes no room and draws no glyph. The cell's value,
 * its tooltip, Ctrl+C and search keep the text as it is.
 */
public final class BreakableText {

    /** U+2028 LINE SEPARATOR: JavaFX's text layout may wrap after it, and draws it as nothing, at no width. */
    public static final char BREAK = '\u2028';
    private static final String BREAK_AFTER = "/\\._-:?&=";

    private BreakableText() {
    }

    /** {@code text} with a {@link #BREAK} at each place a reader expects a line to end within a word; null stays null. */
    public static String shown(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder shown = new StringBuilder(text.length() + text.length() / 8);
        for (int i = 0; i < text.length(); i++) {
            char current = text.charAt(i);
            shown.append(current);
            if (i + 1 < text.length() && breaksBefore(current, text.charAt(i + 1))) {
                shown.append(BREAK);
            }
        }
        return shown.toString();
    }

    /**
     * Whether a line may end between {@code current} and {@code next}: after a run of separators ("https://" stays whole)
     * followed by a letter or digit, or where a lower-case letter meets an upper-case one.
     */
    private static boolean breaksBefore(char current, char next) {
        boolean afterSeparator = BREAK_AFTER.indexOf(current) >= 0 && Character.isLetterOrDigit(next);
        return afterSeparator || Character.isLowerCase(current) && Character.isUpperCase(next);
    }
}
