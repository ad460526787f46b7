package dev.sessiondb.store;

import java.util.Comparator;

/**
 * The order SQL stores hand over their keys in (binary: UTF-8 bytes, which is code point
 * order), and the order every store hands keys over in to a diff. Java's
 * {@code String.compareTo} orders UTF-16 units and differs from it where a character outside
 * the Basic Multilingual Plane meets one from U+E000 up.
 */
public final class BinaryKeyOrder {

    public static final Comparator<String> ORDER = BinaryKeyOrder::compare;

    private BinaryKeyOrder() {
    }

    public static int compare(String a, String b) {
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
