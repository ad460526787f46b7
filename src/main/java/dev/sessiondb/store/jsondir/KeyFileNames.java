package dev.sessiondb.store.jsondir;

import java.nio.charset.StandardCharsets;

/**
 * File names for session keys: {@code <key>.json}, with every character that is unsafe in a
 * file name on some platform ({@code /}, {@code #}, {@code :}, spaces, a leading dot, ...)
 * written as {@code %XX} of its UTF-8 bytes. Reversible, and plain ids such as magellai's
 * keep their own name.
 */
final class KeyFileNames {

    static final String EXTENSION = ".json";
    /** The longest file name Linux, macOS and Windows file systems take, in bytes (these names are ASCII). */
    static final int LONGEST = 255;
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private KeyFileNames() {
    }

    static String fileName(String key) {
        StringBuilder name = new StringBuilder();
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            if (isSafe(b) && !(i == 0 && b == '.')) {
                name.append((char) b);
            } else {
                name.append('%').append(HEX[b >> 4]).append(HEX[b & 0xf]);
            }
        }
        return name.append(EXTENSION).toString();
    }

    private static boolean isSafe(int b) {
        return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '-' || b == '_' || b == '.';
    }
}
