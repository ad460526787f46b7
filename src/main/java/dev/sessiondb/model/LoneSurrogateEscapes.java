package dev.sessiondb.model;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * Text written out (what the command line prints, an export's file) with each unpaired surrogate
 * written as its escape ({@code \ud83d}): no UTF-8 output can hold one (it became {@code ?}, and the
 * value was lost). In JSON the escape sits inside a string, where it reads back as the same value;
 * in CSV and text it is the escape a table shows. A high surrogate that ends one write waits for
 * the next, which may start with its low half.
 */
public final class LoneSurrogateEscapes extends FilterWriter {

    /** A high surrogate that ended the last write, or 0. */
    private char pendingHigh;

    private LoneSurrogateEscapes(Writer out) {
        super(out);
    }

    public static Writer around(Writer out) {
        return new LoneSurrogateEscapes(out);
    }

    @Override
    public void write(int c) throws IOException {
        write(new char[] {(char) c}, 0, 1);
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        int end = offset + length;
        int from = offset;
        if (pendingHigh != 0 && length > 0) {
            if (Character.isLowSurrogate(chars[offset])) {
                out.write(pendingHigh);
                out.write(chars[offset]);
                from++;
            } else {
                out.write(LoneSurrogates.escape(pendingHigh));
            }
            pendingHigh = 0;
        }
        for (int i = from; i < end; i++) {
            char c = chars[i];
            if (!Character.isSurrogate(c)) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 == end) {
                out.write(chars, from, i - from);
                pendingHigh = c;
                return;
            }
            if (Character.isHighSurrogate(c) && Character.isLowSurrogate(chars[i + 1])) {
                i++;
                continue;
            }
            out.write(chars, from, i - from);
            out.write(LoneSurrogates.escape(c));
            from = i + 1;
        }
        out.write(chars, from, end - from);
    }

    /** Most text holds no surrogate: it is passed on as it is, without a copy (a listing prints a million cells). */
    @Override
    public void write(String text, int offset, int length) throws IOException {
        if (pendingHigh == 0 && !holdsSurrogate(text, offset, offset + length)) {
            out.write(text, offset, length);
            return;
        }
        char[] chars = new char[length];
        text.getChars(offset, offset + length, chars, 0);
        write(chars, 0, length);
    }

    private static boolean holdsSurrogate(String text, int from, int end) {
        for (int i = from; i < end; i++) {
            if (Character.isSurrogate(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** What was printed is whole at a flush: a high surrogate still waiting has no low half. */
    @Override
    public void flush() throws IOException {
        writePending();
        super.flush();
    }

    @Override
    public void close() throws IOException {
        writePending();
        super.close();
    }

    private void writePending() throws IOException {
        if (pendingHigh != 0) {
            out.write(LoneSurrogates.escape(pendingHigh));
            pendingHigh = 0;
        }
    }
}
