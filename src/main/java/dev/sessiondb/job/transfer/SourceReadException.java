package dev.sessiondb.job.transfer;

import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.CancelledException;
import dev.sessiondb.progress.ReadTotal;
import dev.sessiondb.store.RecordCursor;
import dev.sessiondb.store.StoreException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A failure reading a job's source, in the source's own words: a job that writes its target while
 * it reads the source (one pass into a new file) stopped "while writing target" though the source
 * was what failed, so the job's line names the source and that it was being read.
 */
public final class SourceReadException extends StoreException {

    private final String source;

    private SourceReadException(String source, RuntimeException cause) {
        super(cause.getMessage(), cause);
        this.source = source;
    }

    /** The source as the user named it. */
    public String source() {
        return source;
    }

    /** The first failure among {@code failure}'s causes that came from reading a source, if one did. */
    public static Optional<SourceReadException> in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SourceReadException read) {
                return Optional.of(read);
            }
        }
        return Optional.empty();
    }

    /** Runs a read of the source, marking its failure (a cancel is no failure of the source's). */
    static <T> T reading(String source, Supplier<T> read) {
        try {
            return read.get();
        } catch (CancelledException | SourceReadException passed) {
            throw passed;
        } catch (RuntimeException e) {
            throw new SourceReadException(source, e);
        }
    }

    /** The cursor's records, each read marked as the source's. */
    static RecordCursor marking(String source, RecordCursor cursor) {
        return new RecordCursor() {
            @Override
            public boolean hasNext() {
                return reading(source, cursor::hasNext);
            }

            @Override
            public SessionRecord next() {
                return reading(source, cursor::next);
            }

            @Override
            public ReadTotal readTotal() {
                return cursor.readTotal();
            }

            @Override
            public void close() {
                cursor.close();
            }
        };
    }
}
