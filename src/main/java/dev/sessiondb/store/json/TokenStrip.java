package dev.sessiondb.store.json;

/**
 * Leaves out the whitespace between the tokens of a record's UTF-8 JSON bytes, strings and numbers
 * kept exactly as written, and tells whether what is left is the text Jackson writes for the
 * record's tree ({@link dev.sessiondb.model.SessionRecord#compact()}): it is unless a string holds
 * an escape Jackson writes another way (a backslash before {@code u} or {@code /}; Jackson writes the character
 * itself, or a control character's hex digits in capitals), or a number is written with a
 * fraction, an exponent or as {@code -0}. (A field name repeated in an object, whose tree would
 * keep one, is an error of the read: {@link dev.sessiondb.model.JsonCodec#FILE_TREE_READER}.)
 * One instance per reading thread. A diff's {@link CompactText} strips without judging: the judging
 * made the 1M diff of a JSON file against SQLite 5-7% slower in pairs.
 */
final class TokenStrip {

    private boolean escapesAsJackson;
    private boolean numbersAsJackson;
    private boolean ascii;

    /**
     * Copies {@code source[from, to)} to {@code target} from its start without the whitespace
     * outside strings; how many bytes it wrote. A string is found to its end by looking only for
     * its quote and escapes, and moved whole: most of a record's bytes are in its strings.
     */
    int strip(byte[] source, int from, int to, byte[] target) {
        escapesAsJackson = true;
        numbersAsJackson = true;
        ascii = true;
        int written = 0;
        int i = from;
        while (i < to) {
            byte b = source[i];
            if (b == '"') {
                int end = stringEnd(source, i + 1, to);
                System.arraycopy(source, i, target, written, end - i);
                written += end - i;
                i = end;
            } else if (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
                i++;
            } else {
                if (b == '.' || b == 'E' || (b == 'e' && written > 0 && isDigit(target[written - 1]))
                        || (b == '0' && written > 0 && target[written - 1] == '-' && (i + 1 == to || !isDigit(source[i + 1])))) {
                    // outside strings: a fraction, an exponent (not the e of true or false) or -0
                    numbersAsJackson = false;
                }
                target[written++] = b;
                i++;
            }
        }
        return written;
    }

    /** Whether the text {@link #strip} wrote is Jackson's for the record's tree; see the class. */
    boolean asJacksonWrites() {
        return escapesAsJackson && numbersAsJackson;
    }

    /** Whether the stripped text was all ASCII: otherwise whoever decodes it checks it was sound UTF-8. */
    boolean ascii() {
        return ascii;
    }

    /** The index after the quote that ends the string whose text starts at {@code from}; {@code to} when none does. */
    private int stringEnd(byte[] bytes, int from, int to) {
        // the bytes or-ed together: negative when one is beyond ASCII; kept in a local, not the field, byte by byte
        int anyHigh = 0;
        int i = from;
        while (i < to) {
            byte b = bytes[i];
            if (b == '"') {
                ascii &= anyHigh >= 0;
                return i + 1;
            }
            if (b == '\\') {
                if (i + 1 < to) {
                    byte escaped = bytes[i + 1];
                    escapesAsJackson &= escaped == '"' || escaped == '\\' || escaped == 'n' || escaped == 't'
                            || escaped == 'r' || escaped == 'b' || escaped == 'f';
                }
                i += 2;
            } else {
                anyHigh |= b;
                i++;
            }
        }
        ascii &= anyHigh >= 0;
        return to;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }
}
