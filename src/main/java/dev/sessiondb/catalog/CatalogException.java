package dev.sessiondb.catalog;

/** The catalog could not be opened or read; jobs go on without it, readers say so in one line. */
public final class CatalogException extends RuntimeException {

    public CatalogException(String message, Throwable cause) {
        super(message, cause);
    }
}
