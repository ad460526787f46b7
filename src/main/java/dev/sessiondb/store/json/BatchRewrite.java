package dev.sessiondb.store.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.WriteBatch;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Streams a store file into a new one with a batch applied: replaced records stay in their
 * place, new ones are appended, deleted ones dropped, and the shape around the array is kept.
 * Checks for cancel between records; the caller discards the new file when it throws.
 */
final class BatchRewrite {

    private final Path file;
    private final WriteBatch batch;
    private final ProgressMonitor monitor;
    private long written;
    private long applied;

    BatchRewrite(Path file, WriteBatch batch, ProgressMonitor monitor) {
        this.file = file;
        this.batch = batch;
        this.monitor = monitor;
    }

    /** Writes the new content. */
    void writeTo(OutputStream out) throws IOException {
        try (JsonRecordReader old = JsonRecordReader.open(file);
             JsonRecordWriter writer = new JsonRecordWriter(out, old.shape())) {
            if (batch.replaceAll()) {
                writeAll(writer);
                old.skipRemaining();
            } else {
                merge(old, writer);
            }
            writer.finish(old.shape());
        }
    }

    /** How many records the new content holds. */
    long written() {
        return written;
    }

    /** The batch's records only, in batch order; a key given twice is refused rather than written twice. */
    private void writeAll(JsonRecordWriter writer) throws IOException {
        Set<String> keys = new HashSet<>();
        while (batch.upserts().hasNext()) {
            monitor.checkCancelled();
            SessionRecord record = batch.upserts().next();
            if (!keys.add(record.key())) {
                throw new StoreException(file + ": the records to write hold session '" + record.key()
                        + "' twice; nothing was written; remove one of them");
            }
            writer.write(record);
            counted();
        }
    }

    /** The old records with the batch applied in place, then the batch's new records. */
    private void merge(JsonRecordReader old, JsonRecordWriter writer) throws IOException {
        try (SpilledUpserts upserts = SpilledUpserts.of(file, batch.upserts(), monitor)) {
            ObjectNode fields;
            while ((fields = old.nextFields()) != null) {
                monitor.checkCancelled();
                String key = SessionRecord.keyOf(fields).orElseThrow();
                ObjectNode replacement = upserts.take(key);
                if (replacement != null) {
                    writeApplied(writer, replacement);
                } else if (!batch.deletes().contains(key)) {
                    writer.write(fields);
                    written++;
                }
            }
            upserts.forEachRemaining(added -> {
                monitor.checkCancelled();
                writeApplied(writer, added);
            });
        }
    }

    private void writeApplied(JsonRecordWriter writer, ObjectNode fields) throws IOException {
        writer.write(fields);
        counted();
    }

    /** One record of the batch written. */
    private void counted() {
        written++;
        monitor.progress(++applied, batch.expectedCount());
    }
}
