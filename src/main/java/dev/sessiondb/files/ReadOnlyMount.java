package dev.sessiondb.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether a path lies on a file system mounted read-only: no chmod helps there, so what to do differs from a mode bit. */
public final class ReadOnlyMount {

    private ReadOnlyMount() {
    }

    /** True when {@code existing}'s file system is mounted read-only; false when it is writable or cannot be told. */
    public static boolean holds(Path existing) {
        try {
            return Files.getFileStore(existing).isReadOnly();
        } catch (IOException unknown) {
            return false;
        }
    }
}
