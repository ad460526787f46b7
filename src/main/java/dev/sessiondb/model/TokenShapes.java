package dev.sessiondb.model;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.Collectors;

/** The tokens {@link SecretMasker} masks wherever they appear, by the literal each begins with, and a fast test for any of them. */
final class TokenShapes {

    /** GitHub, GitLab, OpenAI-style, Slack, AWS access key ids, Stripe, Google API keys, npm and Hugging Face (34 characters after {@code hf_}). */
    private static final List<Shape> SHAPES = List.of(
            new Shape("ghp_", "", 20), new Shape("gho_", "", 20), new Shape("ghu_", "", 20),
            new Shape("ghs_", "", 20), new Shape("ghr_", "", 20), new Shape("github_pat_", "_", 20),
            new Shape("glpat-", "_-", 20), new Shape("sk-", "_-", 20),
            new Shape("xoxa-", "-", 10), new Shape("xoxb-", "-", 10), new Shape("xoxp-", "-", 10),
            new Shape("AKIA", "", 16), new Shape("ASIA", "", 16),
            new Shape("sk_live_", "", 24), new Shape("rk_live_", "", 24), new Shape("sk_test_", "", 24), new Shape("rk_test_", "", 24),
            new Shape("AIza", "_-", 35), new Shape("npm_", "", 36), new Shape("hf_", "", 34));
    /** A JWT's start, which {@link SecretMasker}'s own pattern finds whole: here only so one pass looks for every token. */
    private static final Shape JWT_START = new Shape("eyJ", "_-", 10);
    /** The shapes by their first two characters ({@code first << 7 | second}), so frequent letters ("n", "r") cost a lookup only; null for a pair no token begins with. */
    private static final Shape[][] BY_FIRST_TWO = byFirstTwo();
    /** No token is shorter: text of fewer characters holds none. */
    private static final int SHORTEST = SHAPES.stream().mapToInt(shape -> shape.start().length() + shape.shortestBody()).min().orElseThrow();

    private TokenShapes() {
    }

    /** Every shape as one alternation, for the regex that finds them. */
    static String regex() {
        return SHAPES.stream().map(Shape::regex).collect(Collectors.joining("|"));
    }

    /**
     * Whether the text may hold a token of these shapes or a JWT, answered without a regex: nearly every text a validation
     * masks holds "sk-" (as in "task-md#1"), few hold a token. One pass over the text tries the shapes that begin with the
     * two characters where it stands (a validation asks this of every value of every record: one pass beat an
     * {@link String#indexOf} per start).
     */
    static boolean mayHoldToken(String text) {
        for (int at = 0, last = text.length() - SHORTEST; at <= last; at++) {
            char first = text.charAt(at);
            char second = text.charAt(at + 1);
            Shape[] shapes = first < 128 && second < 128 ? BY_FIRST_TWO[first << 7 | second] : null;
            if (shapes != null) {
                for (Shape shape : shapes) {
                    if (shape.startsAt(text, at)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static Shape[][] byFirstTwo() {
        Shape[][] byStart = new Shape[128 * 128][];
        for (Shape shape : Stream.concat(SHAPES.stream(), Stream.of(JWT_START)).toList()) {
            int pair = shape.start().charAt(0) << 7 | shape.start().charAt(1);
            Shape[] before = byStart[pair] == null ? new Shape[0] : byStart[pair];
            byStart[pair] = Arrays.copyOf(before, before.length + 1);
            byStart[pair][before.length] = shape;
        }
        return byStart;
    }

    /** One kind of token: its literal start, then at least {@code shortestBody} letters, digits or {@code bodyPunctuation} characters. */
    private record Shape(String start, String bodyPunctuation, int shortestBody) {

        String regex() {
            return start + "[A-Za-z0-9" + bodyPunctuation + "]{" + shortestBody + ",}";
        }

        boolean startsAt(String text, int at) {
            return text.startsWith(start, at) && bodyLength(text, at + start.length()) >= shortestBody;
        }

        private int bodyLength(String text, int from) {
            int end = from;
            while (end < text.length() && end - from < shortestBody && inBody(text.charAt(end))) {
                end++;
            }
            return end - from;
        }

        private boolean inBody(char c) {
            return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || bodyPunctuation.indexOf(c) >= 0;
        }
    }
}
