package dev.sessiondb.progress;

/** Work stopped because the user asked it to; whatever it wrote was rolled back. */
public class CancelledException extends RuntimeException {

    public CancelledException() {
        this("cancelled; nothing was changed");
    }

    /** @param message what the stop left, when it is not "nothing was changed" */
    public CancelledException(String message) {
        super(message);
    }
}
