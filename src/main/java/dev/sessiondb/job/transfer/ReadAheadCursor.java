package dev.sessiondb.job.transfer;

import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.store.RecordCursor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads the next records on a thread of its own while the caller writes the ones before:
 * parsing the source and writing the target overlap on two cores. Holds a few chunks ahead,
 * never the whole source; a failure of the source reaches the caller as it was thrown.
 */
final class ReadAheadCursor implements RecordCursor {

    private static final int CHUNK = 256;
    private static final int CHUNKS_AHEAD = 8;
    private static final List<SessionRecord> END = List.of();

    private final BlockingQueue<Object> chunks = new ArrayBlockingQueue<>(CHUNKS_AHEAD);
    private final Thread reader;
    private volatile boolean closed;
    private Iterator<SessionRecord> current = Collections.emptyIterator();
    private boolean finished;

    ReadAheadCursor(RecordCursor source) {
        reader = new Thread(() -> readAll(source), "sessiondb-read-ahead");
        reader.setDaemon(true);
        reader.start();
    }

    private void readAll(RecordCursor source) {
        try (source) {
            List<SessionRecord> chunk = new ArrayList<>(CHUNK);
            while (!closed && source.hasNext()) {
                chunk.add(source.next());
                if (chunk.size() == CHUNK) {
                    hand(chunk);
                    chunk = new ArrayList<>(CHUNK);
                }
            }
            hand(chunk);
            hand(END);
        } catch (RuntimeException | Error failure) {
            hand(failure);
        }
    }

    /** Waits for room, or gives up once the reading side is closed. */
    private void hand(Object item) {
        try {
            while (!closed && !chunks.offer(item, 50, TimeUnit.MILLISECONDS)) {
                // the writer is behind: wait for it
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public boolean hasNext() {
        while (!current.hasNext() && !finished) {
            Object item = take();
            if (item == END) {
                finished = true;
            } else if (item instanceof RuntimeException failure) {
                finished = true;
                throw failure;
            } else if (item instanceof Error failure) {
                finished = true;
                throw failure;
            } else {
                current = ((List<SessionRecord>) item).iterator();
            }
        }
        return current.hasNext();
    }

    @Override
    public SessionRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return current.next();
    }

    private Object take() {
        try {
            return chunks.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the source", e);
        }
    }

    /** Stops the reader and waits until it has closed the source. */
    @Override
    public void close() {
        closed = true;
        try {
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
