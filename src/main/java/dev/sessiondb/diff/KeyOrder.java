package dev.sessiondb.diff;

/**
 * The order SQL stores hand over their keys in (binary: UTF-8 bytes, which is code point
 * order). Java's {@code String.compareTo} orders UTF-16 units and differs from it where a
 * character outside the Basic Multilingual Plane meets one from U+E000 up.
 */
final class KeyOrder {

    private KeyOrder() {
    }

    static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
