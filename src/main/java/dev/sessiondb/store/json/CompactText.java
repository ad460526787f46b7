package dev.sessiondb.store.json;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/**
 * The compact text of records of a JSON file, taken in file order: each record's bytes with the
 * whitespace between its tokens left out, its strings and numbers exactly as written. Two records
 * give the same text only when they are the same record; a record Minsky wrote (JSON.stringify)
 * gives the text {@link dev.sessiondb.model.SessionRecord#compact()} gives, unless a string holds
 * a control character (escaped with other hex digits) or a field name repeats. The file is read
 * through a window that moves forward with the records, beside the parser that found them.
 */
final class CompactText {

    private static final int WINDOW = 1 << 20;

    private final FileChannel channel;
    private ByteBuffer window = ByteBuffer.allocate(WINDOW);
    /** Where in the file the window's first byte is. */
    private long windowStart;
    private byte[] text = new byte[4096];
    private int length;

    CompactText(FileChannel channel) {
        this.channel = channel;
        window.limit(0);
    }

    /** Takes the record between {@code start} and {@code end}, which come after the last one's. */
    void take(long start, long end) throws IOException {
        int size = Math.toIntExact(end - start);
        if (start < windowStart || end > windowStart + window.limit()) {
            fill(start, size);
        }
        if (text.length < size) {
            text = Arrays.copyOf(text, Math.max(size, text.length * 2));
        }
        byte[] bytes = window.array();
        int from = (int) (start - windowStart);
        int written = 0;
        boolean inString = false;
        int to = from + size;
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (inString) {
                text[written++] = b;
                if (b == '\\' && i + 1 < to) {
                    text[written++] = bytes[++i];
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                text[written++] = b;
                inString = b == '"';
            }
        }
        length = written;
    }

    /** The last record's compact text, in its first {@link #length()} bytes (UTF-8, as the file). */
    byte[] text() {
        return text;
    }

    int length() {
        return length;
    }

    /** Reads the file from {@code start} into the window, made larger for a record that does not fit. */
    private void fill(long start, int size) throws IOException {
        if (size > window.capacity()) {
            window = ByteBuffer.allocate(size);
        }
        window.clear();
        windowStart = start;
        while (window.position() < size) {
            if (channel.read(window, start + window.position()) < 0) {
                throw new IOException("the file ends inside a record it held when it was parsed");
            }
        }
        window.flip();
    }
}
