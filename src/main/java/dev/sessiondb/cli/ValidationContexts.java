package dev.sessiondb.cli;

import dev.sessiondb.store.SessionStore;
import dev.sessiondb.validation.ValidationContext;
import java.nio.file.Path;
import java.util.List;

/** The validation context of an open store, shared by {@code validate} and {@code repair}. */
final class ValidationContexts {

    private ValidationContexts() {
    }

    /** See {@link ValidationContext#of}. */
    static ValidationContext of(SessionStore store, List<Path> workspaces) {
        return ValidationContext.of(store, workspaces);
    }
}
