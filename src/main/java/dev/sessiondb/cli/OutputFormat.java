package dev.sessiondb.cli;

/** How a command prints its result. */
public enum OutputFormat {
    TABLE, JSON, CSV;

    /** picocli accepts the names in lower case. */
    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
