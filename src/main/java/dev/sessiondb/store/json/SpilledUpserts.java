package dev.sessiondb.store.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.files.AtomicFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A batch's upserts parked in a temp file next to the store, one compact JSON text each,
 * with only their keys and positions in memory: merging a million records from another
 * store into a file holds keys, not records. A key given twice keeps its first position and
 * its last value.
 */
final class SpilledUpserts implements AutoCloseable {

    private record Slot(long offset, int length) {
    }

    private final Path spill;
    private final FileChannel channel;
    private final Map<String, Slot> slots = new LinkedHashMap<>();
    private long end;

    private SpilledUpserts(Path spill) throws IOException {
        this.spill = spill;
        this.channel = FileChannel.open(spill, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    /** Parks every upsert, checking for cancel between records. */
    static SpilledUpserts of(Path store, Iterator<SessionRecord> upserts, ProgressMonitor monitor) throws IOException {
        SpilledUpserts spilled = new SpilledUpserts(AtomicFiles.tempFileFor(store));
        try {
            while (upserts.hasNext()) {
                monitor.checkCancelled();
                spilled.add(upserts.next());
            }
            return spilled;
        } catch (IOException | RuntimeException e) {
            spilled.close();
            throw e;
        }
    }

    /** The upsert for a key, taken out of the batch; null when the batch has none. */
    ObjectNode take(String key) throws IOException {
        Slot slot = slots.remove(key);
        return slot == null ? null : read(slot);
    }

    /** Receives records read back one at a time. */
    interface Sink {
        void accept(ObjectNode record) throws IOException;
    }

    /** The upserts not taken yet, in batch order, one at a time: the records new to the store. */
    void forEachRemaining(Sink sink) throws IOException {
        for (Slot slot : slots.values()) {
            sink.accept(read(slot));
        }
    }

    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } finally {
            Files.deleteIfExists(spill);
        }
    }

    private void add(SessionRecord record) throws IOException {
        byte[] text = record.compact().getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.wrap(text);
        while (buffer.hasRemaining()) {
            channel.write(buffer, end + buffer.position());
        }
        slots.put(record.key(), new Slot(end, text.length));
        end += text.length;
    }

    private ObjectNode read(Slot slot) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(slot.length());
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, slot.offset() + buffer.position()) < 0) {
                throw new IOException("the batch's temp file " + spill + " was cut short");
            }
        }
        return (ObjectNode) JsonCodec.MAPPER.readTree(buffer.array());
    }
}
