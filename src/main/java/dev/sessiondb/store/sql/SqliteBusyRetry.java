package dev.sessiondb.store.sql;

import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreLocator;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Writes to a SQLite file that another process holds locked (Minsky, a second app window) are
 * tried again a few times, waiting longer each time, before "database is locked" reaches the
 * user. Each try already waits the connection's {@code busy_timeout} inside SQLite. A batch is
 * tried again only while its records fit in memory ({@link #REPLAY_LIMIT}); a larger one, read
 * once from a cursor, reports the lock at once.
 */
final class SqliteBusyRetry {

    static final int REPLAY_LIMIT = 2_000;
    private static final long[] PAUSES_MILLIS = {250, 1_000, 3_000};

    private SqliteBusyRetry() {
    }

    /** Runs {@code write} with the records, again with the same records while SQLite answers busy and tries remain. */
    static void run(StoreLocator locator, Iterator<SessionRecord> records, Consumer<Iterator<SessionRecord>> write) {
        Replay replay = new Replay(records);
        retrying(locator, replay::complete, () -> {
            write.accept(replay.iterator());
            return null;
        });
    }

    /** Runs work that can always be tried again (it holds what it writes), again while SQLite answers busy and tries remain. */
    static <T> T call(StoreLocator locator, Supplier<T> work) {
        return retrying(locator, () -> true, work);
    }

    private static <T> T retrying(StoreLocator locator, BooleanSupplier replayable, Supplier<T> work) {
        for (int attempt = 0; ; attempt++) {
            try {
                return work.get();
            } catch (RuntimeException failure) {
                if (!isBusy(failure)) {
                    throw failure;
                }
                if (attempt == PAUSES_MILLIS.length || !replayable.getAsBoolean()) {
                    throw new StoreException(locator.display() + ": the store stayed locked by another program (Minsky or another sessiondb)"
                            + " after " + (attempt + 1) + " tries; nothing was changed; close the other program or try again", failure);
                }
                pause(PAUSES_MILLIS[attempt]);
            }
        }
    }

    static boolean isBusy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLiteException sqlite) {
                int primary = sqlite.getResultCode().code & 0xff;
                if (primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code) {
                    return true;
                }
            }
            if (cause.getMessage() != null && cause.getMessage().contains("database is locked")) {
                return true;
            }
        }
        return false;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for a locked SQLite store", interrupted);
        }
    }

    /** The records of a batch, kept while few enough that a second try can read them again. */
    private static final class Replay {

        private final Iterator<SessionRecord> source;
        private final List<SessionRecord> kept = new ArrayList<>();
        private boolean overflowed;

        Replay(Iterator<SessionRecord> source) {
            this.source = source;
        }

        boolean complete() {
            return !overflowed;
        }

        Iterator<SessionRecord> iterator() {
            return new Iterator<>() {
                private int index;

                @Override
                public boolean hasNext() {
                    return index < kept.size() || source.hasNext();
                }

                @Override
                public SessionRecord next() {
                    if (index < kept.size()) {
                        return kept.get(index++);
                    }
                    SessionRecord record = source.next();
                    if (kept.size() < REPLAY_LIMIT) {
                        kept.add(record);
                    } else {
                        overflowed = true;
                    }
                    index++;
                    return record;
                }
            };
        }
    }
}
