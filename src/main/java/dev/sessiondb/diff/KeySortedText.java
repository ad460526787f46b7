package dev.sessiondb.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.BinaryKeyOrder;
import dev.sessiondb.store.KeyedText;
import dev.sessiondb.store.TextCursor;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * Records of any store in key order ({@link BinaryKeyOrder}), in bounded memory: an external merge
 * sort of their compact JSON. Records are buffered as text up to a character budget, each full
 * buffer is sorted and spilled to a run file, and the runs are merged. A store that fits in one
 * buffer never touches disk. Each record is handed over as its text, parsed again only when asked
 * for: a diff parses only the records whose text differs from the other side's.
 */
final class KeySortedText implements TextCursor {

    /** One buffered record: its key and its compact JSON (one line: JSON escapes newlines). */
    private record Line(String key, String json) {
    }

    private final List<Run> runs = new ArrayList<>();
    private final PriorityQueue<Run> heads = new PriorityQueue<>((x, y) -> BinaryKeyOrder.compare(x.current().key(), y.current().key()));

    private KeySortedText() {
    }

    /**
     * Reads every record from {@code source} (counting each on {@code read}) and returns them in key order.
     *
     * @param bufferChars how many characters of JSON to hold before spilling a sorted run
     */
    static KeySortedText sort(Iterator<SessionRecord> source, Path tempDir, long bufferChars, Runnable read, ProgressMonitor monitor) {
        KeySortedText sorted = new KeySortedText();
        try {
            List<Line> buffer = new ArrayList<>();
            long buffered = 0;
            while (source.hasNext()) {
                monitor.checkCancelled();
                SessionRecord record = source.next();
                read.run();
                Line line = new Line(record.key(), record.compact());
                buffer.add(line);
                buffered += line.json().length();
                if (buffered >= bufferChars) {
                    sorted.runs.add(Run.spill(buffer, tempDir));
                    buffer = new ArrayList<>();
                    buffered = 0;
                }
            }
            if (!buffer.isEmpty()) {
                sorted.runs.add(sorted.runs.isEmpty() ? Run.inMemory(buffer) : Run.spill(buffer, tempDir));
            }
            for (Run run : sorted.runs) {
                if (run.advance()) {
                    sorted.heads.add(run);
                }
            }
            return sorted;
        } catch (IOException e) {
            sorted.close();
            throw new UncheckedIOException("cannot write a sort run in " + tempDir + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            sorted.close();
            throw e;
        }
    }

    @Override
    public boolean hasNext() {
        return !heads.isEmpty();
    }

    @Override
    public KeyedText next() {
        Run run = heads.poll();
        if (run == null) {
            throw new NoSuchElementException();
        }
        Line line = run.current();
        try {
            if (run.advance()) {
                heads.add(run);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a sort run: " + e.getMessage(), e);
        }
        return new KeyedText(line.key(), line.json().getBytes(StandardCharsets.UTF_8), () -> SessionRecord.ofParsed(parse(line.json())));
    }

    @Override
    public void close() {
        for (Run run : runs) {
            run.close();
        }
    }

    private static ObjectNode parse(String json) {
        try {
            return JsonCodec.parseObject(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a sort run is damaged: " + e.getOriginalMessage(), e);
        }
    }

    /** One sorted run, in memory or in a temp file (each record a line with its key, then one with its text), read one record ahead. */
    private static final class Run implements AutoCloseable {
        private final Iterator<Line> memory;
        private final BufferedReader reader;
        private final Path file;
        private Line current;

        private Run(Iterator<Line> memory, BufferedReader reader, Path file) {
            this.memory = memory;
            this.reader = reader;
            this.file = file;
        }

        static Run inMemory(List<Line> lines) {
            lines.sort((x, y) -> BinaryKeyOrder.compare(x.key(), y.key()));
            return new Run(lines.iterator(), null, null);
        }

        static Run spill(List<Line> lines, Path tempDir) throws IOException {
            lines.sort((x, y) -> BinaryKeyOrder.compare(x.key(), y.key()));
            Path file = Files.createTempFile(tempDir, "run-", ".jsonl");
            file.toFile().deleteOnExit();
            try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (Line line : lines) {
                    // the key as a JSON string: one line whatever it holds, half of a surrogate pair as its escape (UTF-8 refuses it)
                    writer.write(JsonCodec.compact(TextNode.valueOf(line.key())));
                    writer.newLine();
                    writer.write(line.json());
                    writer.newLine();
                }
            }
            return new Run(null, Files.newBufferedReader(file, StandardCharsets.UTF_8), file);
        }

        boolean advance() throws IOException {
            if (memory != null) {
                current = memory.hasNext() ? memory.next() : null;
            } else {
                String key = reader.readLine();
                current = key == null ? null : new Line(JsonCodec.MAPPER.readValue(key, String.class), reader.readLine());
            }
            return current != null;
        }

        Line current() {
            return current;
        }

        @Override
        public void close() {
            try {
                if (reader != null) {
                    reader.close();
                    Files.deleteIfExists(file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
