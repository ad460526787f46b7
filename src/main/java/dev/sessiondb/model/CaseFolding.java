package dev.sessiondb.model;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Search's case folding, the same for every store: simple Unicode case folding, one character to one
 * ({@code É} is {@code é}, {@code Σ} and {@code ς} are {@code σ}; {@code ß} stays {@code ß}, so {@code STRASSE} does not find
 * {@code straße}). A character outside ASCII never folds into ASCII (the Kelvin sign is not {@code k}, {@code İ} not
 * {@code i}): an ASCII word is then found by the SQL stores' plain lower-cased {@code LIKE}, at no cost.
 */
public final class CaseFolding {

    /** Above this no character has a case (the last is Adlam's, U+1E921). */
    private static final int LAST_CASED = 0x1FFFF;

    private CaseFolding() {
    }

    /** The text folded character by character; an ASCII text is lower-cased without a look at tables. */
    public static String fold(String text) {
        if (isAscii(text)) {
            return asciiLower(text);
        }
        StringBuilder folded = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            folded.appendCodePoint(fold(codePoint));
            i += Character.charCount(codePoint);
        }
        return folded.toString();
    }

    public static int fold(int codePoint) {
        if (codePoint < 0x80) {
            return codePoint >= 'A' && codePoint <= 'Z' ? codePoint + ('a' - 'A') : codePoint;
        }
        int folded = Character.toLowerCase(Character.toUpperCase(codePoint));
        return folded < 0x80 ? codePoint : folded;
    }

    /** Every character that folds as this one does, itself first: {@code é} gives {@code é É}, {@code σ} gives {@code σ Σ ς}. */
    public static int[] variants(int codePoint) {
        int folded = fold(codePoint);
        int[] others = Variants.BY_FOLD.getOrDefault(folded, new int[0]);
        int[] all = new int[others.length + 2];
        int count = 0;
        all[count++] = codePoint;
        if (folded != codePoint) {
            all[count++] = folded;
        }
        for (int other : others) {
            if (other != codePoint) {
                all[count++] = other;
            }
        }
        return Arrays.copyOf(all, count);
    }

    public static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static String asciiLower(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                return text.toLowerCase(Locale.ROOT);
            }
        }
        return text;
    }

    /** The characters that fold into another, by what they fold to: built once (about 10 ms), when a word outside ASCII is first searched. */
    private static final class Variants {

        static final Map<Integer, int[]> BY_FOLD = build();

        private static Map<Integer, int[]> build() {
            Map<Integer, int[]> byFold = new HashMap<>();
            for (int codePoint = 0x80; codePoint <= LAST_CASED; codePoint++) {
                int folded = fold(codePoint);
                if (folded != codePoint) {
                    int[] known = byFold.getOrDefault(folded, new int[0]);
                    int[] grown = Arrays.copyOf(known, known.length + 1);
                    grown[known.length] = codePoint;
                    byFold.put(folded, grown);
                }
            }
            return byFold;
        }
    }
}
