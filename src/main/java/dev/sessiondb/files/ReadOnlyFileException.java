package dev.sessiondb.files;

import java.nio.file.AccessDeniedException;
import java.nio.file.Path;

/**
 * A file its owner made read-only, which a write would otherwise replace: a rename needs only the
 * folder's permission, and root may write any file, so the mode is the user's one way to say
 * "do not change this".
 */
public final class ReadOnlyFileException extends AccessDeniedException {

    public ReadOnlyFileException(Path file) {
        super(file.toString(), null, file + " is read-only (its owner may not write it)");
    }
}
