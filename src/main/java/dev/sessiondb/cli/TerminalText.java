package dev.sessiondb.cli;

import dev.sessiondb.diff.UnseenText;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Text from records made harmless for a terminal: a session name or a branch may hold escape
 * sequences (which set the window's title or recolour what follows), a carriage return (which
 * writes over the line) or bidirectional overrides (which reorder it). Each such character is shown
 * as its escape ({@code \u001b}); line breaks and tabs stay. As a writer it wraps what the commands
 * print to a terminal and every error line; a listing sent to a file or a pipe is left exact.
 */
final class TerminalText extends FilterWriter {

    private static final boolean CRLF = System.lineSeparator().equals("\r\n");

    private TerminalText(Writer out) {
        super(out);
    }

    static Writer around(Writer out) {
        return new TerminalText(out);
    }

    /**
     * A table cell: as {@link #around} shows it, line breaks and tabs escaped too, so that a value cannot add a row;
     * half of a surrogate pair as its escape, which a terminal would show as '?'; and a character that shows as nothing
     * or as a plain space (a zero-width space, a no-break space: {@link UnseenText#isUnseen}) as its escape, so that two
     * names or values that differ only there do not look the same. (Such characters outside the Basic Multilingual
     * Plane, the tags of a flag's emoji, stay, as do the joiners that shape words and emoji: {@link UnseenText#shapesLetters}.)
     */
    static String cell(String text) {
        int first = 0;
        while (first < text.length() && isPlain(text, first)) {
            first++;
        }
        if (first == text.length()) {
            return text; // almost every cell: a validation prints a million of them
        }
        StringBuilder shown = new StringBuilder(text.length() + 8).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isPlain(text, i)) {
                shown.append(c);
            } else {
                shown.append(escape(c));
            }
        }
        return shown.toString();
    }

    /** Text of several lines, each line shown as {@link #cell} shows a value: the line breaks stay. */
    static String lines(String text) {
        return text.indexOf('\n') < 0 ? cell(text) : Arrays.stream(text.split("\n", -1)).map(TerminalText::cell).collect(Collectors.joining("\n"));
    }

    /** Printable ASCII at once; else not a control character, harmful, unseen or half of a surrogate pair. */
    private static boolean isPlain(String text, int i) {
        char c = text.charAt(i);
        if (c >= 0x20 && c < 0x7f) {
            return true;
        }
        if (c < 0x20 || isHarmful(c) || UnseenText.isUnseen(c) && !UnseenText.shapesLetters(c)) {
            return false;
        }
        if (!Character.isSurrogate(c)) {
            return true;
        }
        return Character.isHighSurrogate(c) ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }

    @Override
    public void write(int c) throws IOException {
        if (isHarmful((char) c)) {
            out.write(escape((char) c));
        } else {
            out.write(c);
        }
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        int from = offset;
        for (int i = offset; i < offset + length; i++) {
            if (isHarmful(chars[i])) {
                out.write(chars, from, i - from);
                out.write(escape(chars[i]));
                from = i + 1;
            }
        }
        out.write(chars, from, offset + length - from);
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        char[] chars = new char[length];
        text.getChars(offset, offset + length, chars, 0); // only the part written: a writer is handed one string piece by piece
        write(chars, 0, length);
    }

    /** Control characters but a line break and a tab, DEL, the C1 controls, and the bidirectional embeddings, overrides and isolates. */
    private static boolean isHarmful(char c) {
        return (c < 0x20 && c != '\n' && c != '\t' && !(c == '\r' && CRLF)) || (c >= 0x7f && c <= 0x9f)
                || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
    }

    private static String escape(char c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\t' -> "\\t";
            case '\r' -> "\\r";
            default -> String.format("\\u%04x", (int) c);
        };
    }
}
