package dev.sessiondb.diff;

import java.text.Normalizer;
import java.util.Optional;

/**
 * What a reader cannot see in two texts that differ: characters that print as nothing or as an
 * ordinary space (a zero-width space, a no-break space, a soft hyphen, a byte order mark), and the
 * two ways Unicode writes an accented letter ({@code é} as one character, NFC, or as {@code e} and
 * a combining accent, NFD). Both shells show such characters as their escape ({@code \u200b}) and
 * say when two texts differ only in their normalisation.
 */
public final class UnseenText {

    static final String NORMALISATION = "differs only in Unicode normalisation";
    static final String INVISIBLE = "differs only in invisible or space-like characters";

    private UnseenText() {
    }

    /**
     * A format character (zero-width space and joiners, direction marks, soft hyphen, byte order mark), a space other
     * than U+0020 (no-break, thin, ideographic), or a line or paragraph separator.
     */
    public static boolean isUnseen(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> true;
            case Character.SPACE_SEPARATOR -> codePoint != ' ';
            default -> codePoint == '\u180e'; // Mongolian vowel separator: a format character before Unicode 6.3, still shown as nothing
        };
    }

    /**
     * The zero-width non-joiner and joiner: unseen themselves, but they shape what is seen (Persian and Indic words, an
     * emoji family 👨‍👩‍👧), so a listing keeps them; a diff still escapes them and names a difference made of them.
     */
    public static boolean shapesLetters(int codePoint) {
        return codePoint == '\u200c' || codePoint == '\u200d';
    }

    /** The text with each unseen character as its escape ({@code a\u200bb}); the text itself when it has none. */
    public static String escaped(String text) {
        int first = firstUnseen(text);
        if (first < 0) {
            return text;
        }
        StringBuilder shown = new StringBuilder(text.length() + 12).append(text, 0, first);
        for (int i = first; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int next = i + Character.charCount(codePoint);
            if (isUnseen(codePoint)) {
                for (int j = i; j < next; j++) {
                    shown.append(String.format("\\u%04x", (int) text.charAt(j)));
                }
            } else {
                shown.append(text, i, next);
            }
            i = next;
        }
        return shown.toString();
    }

    private static int firstUnseen(String text) {
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (codePoint >= 0x80 && isUnseen(codePoint)) {
                return i;
            }
            i += Character.charCount(codePoint);
        }
        return -1;
    }

    /**
     * Why two different texts read alike: "differs only in Unicode normalisation (NFC vs NFD)" when they are the same
     * text once normalised; "differs only in invisible or space-like characters" when they are the same once those
     * characters are left out and every space is an ordinary one; empty when the difference can be seen.
     */
    public static Optional<String> sameToTheEye(String a, String b) {
        if (a.equals(b)) {
            return Optional.empty();
        }
        String nfcA = Normalizer.normalize(a, Normalizer.Form.NFC);
        String nfcB = Normalizer.normalize(b, Normalizer.Form.NFC);
        if (nfcA.equals(nfcB)) {
            return Optional.of(NORMALISATION + " (" + form(a) + " vs " + form(b) + ")");
        }
        if (asSeen(a).equals(asSeen(b))) {
            return Optional.of(INVISIBLE);
        }
        return asSeen(nfcA).equals(asSeen(nfcB)) ? Optional.of(INVISIBLE + ", and in Unicode normalisation") : Optional.empty();
    }

    private static String form(String text) {
        if (Normalizer.isNormalized(text, Normalizer.Form.NFC)) {
            return "NFC";
        }
        return Normalizer.isNormalized(text, Normalizer.Form.NFD) ? "NFD" : "neither NFC nor NFD";
    }

    /** The text as it looks: its invisible characters left out, every space an ordinary one. */
    private static String asSeen(String text) {
        if (firstUnseen(text) < 0) {
            return text;
        }
        StringBuilder seen = new StringBuilder(text.length());
        text.codePoints().filter(codePoint -> !isUnseen(codePoint) || Character.getType(codePoint) == Character.SPACE_SEPARATOR)
                .map(codePoint -> isUnseen(codePoint) ? ' ' : codePoint).forEach(seen::appendCodePoint);
        return seen.toString();
    }
}
