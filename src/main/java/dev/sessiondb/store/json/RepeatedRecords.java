package dev.sessiondb.store.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.files.AtomicFiles;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.file.StoreFileLock;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The later records of sessions that repeat in a JSON file (which no command opens as a store), and the file written
 * without some of them: every other byte is copied as it was, so the records kept keep their text, order and layout.
 */
public final class RepeatedRecords {

    /**
     * A record of a session that an earlier record of the file already holds.
     *
     * @param identical whether it is the same text as the session's first record once compact: cutting it loses nothing
     * @param cutFrom   the end of the record before it, so that the comma and whitespace between them go with it
     * @param cutTo     the byte after its closing brace
     */
    public record Repeat(String session, long record, long line, long firstRecord, boolean identical, long cutFrom, long cutTo) {

        public String where() {
            return "record " + record + " (line " + line + ")";
        }
    }

    /** @param records how many records the file holds, repeats included */
    public record Found(long records, List<Repeat> repeats) {

        public Found {
            repeats = List.copyOf(repeats);
        }
    }

    private RepeatedRecords() {
    }

    /** Every later record of {@code sessions} in file order, each compared with its session's first record. */
    public static Found in(Path file, Set<String> sessions) {
        record First(long record, String compact) {
        }
        Map<String, First> firsts = new HashMap<>();
        List<Repeat> repeats = new ArrayList<>();
        try (JsonRecordReader reader = JsonRecordReader.open(file)) {
            if (!reader.givesByteOffsets()) {
                throw new StoreException(file + ": the file is not in UTF-8, so its repeated records cannot be cut out byte for byte;"
                        + " delete them by hand (sessiondb validate lists them)");
            }
            long previousEnd = -1;
            ObjectNode fields;
            while ((fields = reader.nextFields()) != null) {
                long end = reader.parsedRecordEnd();
                String key = SessionRecord.keyOf(fields).orElseThrow();
                if (sessions.contains(key)) {
                    String compact = JsonCodec.compact(fields);
                    First first = firsts.putIfAbsent(key, new First(reader.recordNumber(), compact));
                    if (first != null) {
                        repeats.add(new Repeat(key, reader.recordNumber(), reader.recordLocation().getLineNr(), first.record(),
                                first.compact().equals(compact), previousEnd, end));
                    }
                }
                previousEnd = end;
            }
            return new Found(reader.recordNumber(), repeats);
        }
    }

    /**
     * Replaces the file, in one rename under the lock sessiondb's writers take, by its bytes without those of {@code cut};
     * {@code unchanged} is asked immediately before the rename and throws when another program wrote to the file.
     */
    public static void writeWithout(Path file, List<Repeat> cut, Supplier<Boolean> unchanged) {
        try (StoreFileLock lock = StoreFileLock.acquire(JsonFileStore.lockFileOf(file))) {
            AtomicFiles.deleteLeftoverTemps(file);
            AtomicFiles.write(file, out -> {
                try (InputStream in = Files.newInputStream(file)) {
                    long at = 0;
                    for (Repeat repeat : cut) {
                        copy(in, out, repeat.cutFrom() - at);
                        in.skipNBytes(repeat.cutTo() - repeat.cutFrom());
                        at = repeat.cutTo();
                    }
                    in.transferTo(out);
                }
            }, () -> {
                if (!unchanged.get()) {
                    throw new StoreException(file + ": another program changed the file during the repair; nothing was written; run the repair again");
                }
            });
        } catch (IOException e) {
            throw new StoreException(file + ": cannot write the file (" + e.getMessage() + "); the file was not changed; check free space and permissions", e);
        }
    }

    private static void copy(InputStream in, OutputStream out, long bytes) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long left = bytes;
        while (left > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                throw new IOException("the file ended before byte " + bytes);
            }
            out.write(buffer, 0, read);
            left -= read;
        }
    }
}
