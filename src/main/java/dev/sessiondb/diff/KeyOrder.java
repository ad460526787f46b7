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

    /** Stops a diff whose store handed {@code key} after {@code previousKey} (null for the first): a clear message instead of a wrong result. */
    static void requireAfter(String previousKey, String key, String storeName) {
        if (previousKey != null && compare(previousKey, key) >= 0) {
            throw new IllegalStateException(storeName + ": session " + key + " came after " + previousKey
                    + ", out of binary key order (a PostgreSQL database whose encoding is not UTF8?); diff it through an export to JSON");
        }
    }
}
