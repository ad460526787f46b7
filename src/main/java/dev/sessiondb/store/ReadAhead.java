package dev.sessiondb.store;

import dev.sessiondb.model.SessionRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Reads the next items on a thread of its own while the caller works on the ones before:
 * parsing the source and writing the target (or reading two stores a diff compares) overlap on
 * two cores. Holds a few chunks ahead,
 * never the whole source; a failure of the source reaches the caller as it was thrown.
 */
public abstract class ReadAhead<T> implements Iterator<T>, AutoCloseable {

    /** Items handed from the reading thread to the caller at once. */
    public static final int CHUNK = 256;
    private static final int CHUNKS_AHEAD = 8;
    private static final List<Object> END = List.of();

    private final BlockingQueue<Object> chunks = new ArrayBlockingQueue<>(CHUNKS_AHEAD);
    private final Thread reader;
    private volatile boolean closed;
    private Iterator<T> current = Collections.emptyIterator();
    private boolean finished;

    private <S extends Iterator<T> & AutoCloseable> ReadAhead(S source) {
        reader = new Thread(() -> readAll(source), "sessiondb-read-ahead");
        reader.setDaemon(true);
        reader.start();
    }

    public static RecordCursor records(RecordCursor source) {
        class Records extends ReadAhead<SessionRecord> implements RecordCursor {
            Records() {
                super(source);
            }
        }
        return new Records();
    }

    public static HashCursor hashes(HashCursor source) {
        class Hashes extends ReadAhead<StoredHash> implements HashCursor {
            Hashes() {
                super(source);
            }
        }
        return new Hashes();
    }

    public static TextCursor texts(TextCursor source) {
        class Texts extends ReadAhead<KeyedText> implements TextCursor {
            Texts() {
                super(source);
            }
        }
        return new Texts();
    }

    /**
     * The items of {@code source}, each passed through {@code work} on the reading thread, in
     * source order: work the caller would otherwise do on its own core. {@code source} is closed
     * with the read ahead when it is closeable.
     */
    public static <S, T> ReadAhead<T> mapped(Iterator<S> source, Function<S, T> work) {
        class Mapped implements Iterator<T>, AutoCloseable {
            @Override
            public boolean hasNext() {
                return source.hasNext();
            }

            @Override
            public T next() {
                return work.apply(source.next());
            }

            @Override
            public void close() throws Exception {
                if (source instanceof AutoCloseable closeable) {
                    closeable.close();
                }
            }
        }
        class Items extends ReadAhead<T> {
            Items() {
                super(new Mapped());
            }
        }
        return new Items();
    }

    private <S extends Iterator<T> & AutoCloseable> void readAll(S source) {
        try (source) {
            List<T> chunk = new ArrayList<>(CHUNK);
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
        } catch (Exception failure) {
            hand(new IllegalStateException(failure));
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
                current = ((List<T>) item).iterator();
            }
        }
        return current.hasNext();
    }

    @Override
    public T next() {
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
