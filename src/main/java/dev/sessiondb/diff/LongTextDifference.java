package dev.sessiondb.diff;

import java.util.Locale;

/**
 * Where two long texts part, for a line that cannot hold them whole: the differing middle of each with a few
 * characters of context around it, and where it starts, {@code …xxxx[x -> y] at character 100,000 of 100,000}.
 * Positions count characters as a reader does (a pair of surrogates is one), from 1.
 */
public final class LongTextDifference {

    /** A value longer than this is shown by where it differs, not whole. */
    public static final int LIMIT = 200;
    private static final int CONTEXT = 20;
    private static final int MIDDLE = 60;

    private final String a;
    private final String b;
    /** Characters (UTF-16 units) both texts start with, never half a surrogate pair. */
    private final int prefix;
    /** Characters both texts end with after the prefix, never half a surrogate pair. */
    private final int suffix;

    private LongTextDifference(String a, String b) {
        this.a = a;
        this.b = b;
        int shorter = Math.min(a.length(), b.length());
        int same = 0;
        while (same < shorter && a.charAt(same) == b.charAt(same)) {
            same++;
        }
        if (same > 0 && Character.isHighSurrogate(a.charAt(same - 1))) {
            same--;
        }
        this.prefix = same;
        int end = 0;
        while (end < shorter - prefix && a.charAt(a.length() - 1 - end) == b.charAt(b.length() - 1 - end)) {
            end++;
        }
        if (end > 0 && Character.isLowSurrogate(a.charAt(a.length() - end))) {
            end--;
        }
        this.suffix = end;
    }

    /** Whether either text is too long to show whole. */
    public static boolean isLong(String a, String b) {
        return (a != null && a.length() > LIMIT) || (b != null && b.length() > LIMIT);
    }

    public static LongTextDifference of(String a, String b) {
        return new LongTextDifference(a, b);
    }

    /**
     * Two values as two cells side by side show them: by where they part when both are there, differ, and either is too
     * long to show whole; else as they are (a long one is then {@link #cut} by the cell).
     */
    public static Sides sides(String a, String b) {
        if (a == null || b == null || !isLong(a, b) || a.equals(b)) {
            return new Sides(a, b);
        }
        LongTextDifference parting = of(a, b);
        return new Sides(parting.sideA(), parting.sideB());
    }

    /** What two cells side by side show of two values; either may be absent (null). */
    public record Sides(String a, String b) {
    }

    /** A text shown whole up to the limit, else its start with its length: {@code {"a":…… (12,345 characters)}. */
    public static String cut(String text) {
        if (text.length() <= LIMIT) {
            return text;
        }
        int end = Character.isLowSurrogate(text.charAt(LIMIT)) ? LIMIT + 1 : LIMIT;
        return text.substring(0, end) + String.format(Locale.ROOT, "… (%,d characters)", text.codePointCount(0, text.length()));
    }

    /** Both sides in one: {@code …context[a's part -> b's part]context… at character N of LENGTH}. */
    public String describe() {
        return before() + "[" + middle(a) + " -> " + middle(b) + "]" + after() + " " + where();
    }

    /** One side with its differing part in brackets: {@code …context[x]context… (at character N of LENGTH)}. */
    public String sideA() {
        return side(a);
    }

    public String sideB() {
        return side(b);
    }

    /** Where the two part, in pieces a view can set apart: the differing middles shown highlighted between their context. */
    public Parting parting() {
        return new Parting(prefix, a.length() - suffix, b.length() - suffix,
                before(), middle(a), middle(b), after(), where());
    }

    /**
     * @param start  where both texts start to differ (a UTF-16 index, as a text area selects)
     * @param endA   where the differing part of A ends (its same ending starts)
     * @param endB   where the differing part of B ends
     * @param before a few characters both have before the difference, led by … when there are more
     * @param where  {@code at character 150,001 of 300,000}
     */
    public record Parting(int start, int endA, int endB, String before, String middleA, String middleB, String after, String where) {
    }

    private String side(String text) {
        return before() + "[" + middle(text) + "]" + after() + " (" + where() + ")";
    }

    /** {@code at character 1,234 of 5,000}, or {@code of 5,000 -> 5,010} when the lengths differ. */
    private String where() {
        return "at character " + position(a, prefix) + " of " + lengths(a, b);
    }

    private String before() {
        return before(a, prefix);
    }

    private String after() {
        return after(a, a.length() - suffix);
    }

    private String middle(String text) {
        return middle(text, prefix, text.length() - suffix);
    }

    /** Where a UTF-16 index falls as a reader counts characters, from 1: {@code 1,234}. */
    static String position(String text, int index) {
        return String.format(Locale.ROOT, "%,d", text.codePointCount(0, index) + 1);
    }

    /** Both texts' lengths in characters: {@code 5,000}, or {@code 5,000 -> 5,010} when they differ. */
    static String lengths(String a, String b) {
        int lengthA = a.codePointCount(0, a.length());
        int lengthB = b.codePointCount(0, b.length());
        return String.format(Locale.ROOT, "%,d", lengthA) + (lengthA == lengthB ? "" : String.format(Locale.ROOT, " -> %,d", lengthB));
    }

    /** A few characters of a text before an index, led by … when there are more. */
    static String before(String text, int index) {
        int from = Math.max(0, index - CONTEXT);
        if (from > 0 && Character.isLowSurrogate(text.charAt(from))) {
            from--;
        }
        return (from > 0 ? "…" : "") + text.substring(from, index);
    }

    /** A few characters of a text from an index, followed by … when there are more. */
    static String after(String text, int index) {
        int to = Math.min(text.length(), index + CONTEXT);
        if (to < text.length() && Character.isLowSurrogate(text.charAt(to))) {
            to++;
        }
        return text.substring(index, to) + (to < text.length() ? "…" : "");
    }

    /** A text's differing part, cut after {@value #MIDDLE} characters with how many more there are. */
    static String middle(String text, int start, int end) {
        if (end - start <= MIDDLE) {
            return text.substring(start, end);
        }
        int cut = start + MIDDLE;
        if (Character.isLowSurrogate(text.charAt(cut))) {
            cut++;
        }
        return text.substring(start, cut) + String.format(Locale.ROOT, "… (%,d more)", text.codePointCount(cut, end));
    }
}
