package dev.sessiondb.store;

import java.util.Iterator;
import java.util.NoSuchElementException;

/** An iterator that reads one ahead: subclasses only say how to read the next item. */
public abstract class PrefetchingIterator<T> implements Iterator<T> {

    private T next;
    private boolean finished;

    /** The next item, or null when there are no more. */
    protected abstract T fetch();

    @Override
    public boolean hasNext() {
        if (next == null && !finished) {
            next = fetch();
            finished = next == null;
        }
        return next != null;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        T item = next;
        next = null;
        return item;
    }
}
