package dev.sessiondb.progress;

/** Work stopped because the user asked it to; whatever it wrote was rolled back. */
public class CancelledException extends RuntimeException {

    public CancelledException() {
        super("cancelled; nothing was changed");
    }
}
