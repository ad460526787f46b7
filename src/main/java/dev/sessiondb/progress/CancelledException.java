package dev.sessiondb.progress;

import java.util.Optional;

/** Work stopped because the user asked it to; whatever it wrote was rolled back, unless {@link #backupKept()} says otherwise. */
public class CancelledException extends RuntimeException {

    private final String backupKept;

    public CancelledException() {
        this("cancelled; nothing was changed");
    }

    /** @param message what the stop left, when it is not "nothing was changed" */
    public CancelledException(String message) {
        this(message, null);
    }

    /** @param backupKept the backup kept because the store may have changed before the stop, which undo puts back */
    public CancelledException(String message, String backupKept) {
        super(message);
        this.backupKept = backupKept;
    }

    /** The backup of a store the stopped work may have written; empty when it wrote nothing. */
    public Optional<String> backupKept() {
        return Optional.ofNullable(backupKept);
    }
}
