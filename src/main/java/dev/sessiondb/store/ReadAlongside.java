package dev.sessiondb.store;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A read of a new store's rows on a thread of its own, through a handle of its own, while the
 * store's build is finished (its indexes built, its file flushed): how a job verifies what it
 * wrote without waiting for the indexes.
 */
public final class ReadAlongside implements AutoCloseable {

    /** Reads nothing: a commit with no read beside it. */
    public static final Consumer<SessionStore> NOTHING = store -> { };

    private final Thread thread;
    private volatile Throwable failure;
    private boolean joined;

    private ReadAlongside(Consumer<SessionStore> read, Supplier<SessionStore> opener) {
        this.thread = read == NOTHING ? null : new Thread(() -> {
            try (SessionStore store = opener.get()) {
                read.accept(store);
            } catch (RuntimeException | Error e) {
                failure = e;
            }
        }, "sessiondb-read-alongside");
    }

    public static ReadAlongside start(Consumer<SessionStore> read, Supplier<SessionStore> opener) {
        ReadAlongside reading = new ReadAlongside(read, opener);
        if (reading.thread != null) {
            reading.thread.start();
        }
        return reading;
    }

    /** Waits for the read; its failure is thrown here, once. */
    public void join() {
        if (thread == null || joined) {
            return;
        }
        awaitEnd();
        joined = true;
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
    }

    /** Waits for the read without throwing its failure: the work beside it failed first. */
    @Override
    public void close() {
        if (thread != null) {
            awaitEnd();
        }
    }

    private void awaitEnd() {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
