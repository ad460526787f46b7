package dev.sessiondb.store.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.file.BadInput;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Records' compact texts ({@link CompactText}) taken from where a read of a JSON file found them,
 * and each record parsed from its text when asked. The file must not change meanwhile: its stamp
 * is taken before the read, and {@link #requireUnchanged} compares it.
 */
final class TextsInPlace implements AutoCloseable {

    /** The most bytes a record may span when the longest is not known before the texts are taken: what one mapping holds beyond a segment. */
    static final int ANY_LENGTH = (int) (Integer.MAX_VALUE - CompactText.SEGMENT);

    private final Path file;
    private final CheckedFile.Stamp stamp;
    private final FileChannel channel;
    private CompactText compact;

    /** Takes the file's stamp, then opens it: call before the read that finds the records. */
    TextsInPlace(Path file) {
        this.file = file;
        this.stamp = CheckedFile.Stamp.of(file);
        try {
            this.channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (IOException e) {
            throw BadInput.unreadable(file, e);
        }
    }

    /** Ready to take texts of records that span at most {@code longest} bytes. */
    void mapFor(int longest) {
        try {
            compact = new CompactText(channel, longest, CompactText.SEGMENT);
        } catch (IOException e) {
            throw BadInput.unreadable(file, e);
        }
    }

    /** The compact text of the record found between {@code start} and {@code end}. */
    byte[] take(long start, long end) {
        try {
            byte[] text = compact.take(start, end);
            if (text.length < 2 || text[0] != '{' || text[text.length - 1] != '}') {
                throw changed();
            }
            return text;
        } catch (IOException e) {
            throw BadInput.unreadable(file, e);
        } catch (InternalError e) {
            // how the runtime reports a mapped page the file no longer has: it was cut short
            throw changed();
        }
    }

    /** The record whose text was taken, as it was in the file that was read. */
    SessionRecord parse(String key, byte[] text) {
        requireUnchanged();
        try {
            SessionRecord record = SessionRecord.ofParsed(JsonCodec.parseObject(new String(text, StandardCharsets.UTF_8)));
            if (record.key().equals(key)) {
                return record;
            }
        } catch (JsonProcessingException e) {
            // the bytes at its place are no longer the record found there
        }
        throw changed();
    }

    void requireUnchanged() {
        if (!stamp.equals(CheckedFile.Stamp.of(file))) {
            throw changed();
        }
    }

    private StoreException changed() {
        return new StoreException(file + ": the file changed while it was compared; compare again");
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // opened for reading only: closing it cannot lose data
        }
    }
}
