package dev.sessiondb.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A diff's findings held, in the order they came, until the diff knows they stand: a merge of a
 * store read on the chance that it is in key order may have to start again, and must then have
 * handed nothing on. Past about {@code heldCharsLimit} characters it gives up ({@link Full}), so
 * that a diff with many findings costs a bounded read before it starts again.
 */
final class HeldFindings implements DiffListener {

    /** What a held finding costs beyond its characters, counted as characters (its objects). */
    private static final int FINDING_OVERHEAD_CHARS = 48;

    /** Thrown when the findings outgrow what is held; carries no stack trace. */
    static final class Full extends RuntimeException {
        Full() {
            super("more findings than a diff holds before it knows they stand", null, false, false);
        }
    }

    private final long heldCharsLimit;
    private final List<Consumer<DiffListener>> held = new ArrayList<>();
    private long heldChars;

    HeldFindings(long heldCharsLimit) {
        this.heldCharsLimit = heldCharsLimit;
    }

    @Override
    public void onlyInA(String session) {
        hold(session.length(), listener -> listener.onlyInA(session));
    }

    @Override
    public void onlyInB(String session) {
        hold(session.length(), listener -> listener.onlyInB(session));
    }

    @Override
    public void changed(SessionChange change) {
        hold(change.heldChars(), listener -> listener.changed(change));
    }

    /** Hands every finding held on to {@code listener}, in the order they came. */
    void handTo(DiffListener listener) {
        held.forEach(finding -> finding.accept(listener));
        held.clear();
    }

    private void hold(long chars, Consumer<DiffListener> finding) {
        heldChars += FINDING_OVERHEAD_CHARS + chars;
        if (heldChars > heldCharsLimit) {
            throw new Full();
        }
        held.add(finding);
    }
}
