package dev.sessiondb.cli;

/** How a command prints its result. */
public enum OutputFormat {
    TABLE, JSON, CSV;

    /** Commands that print only some formats reject the others with one clear line. */
    static void requireOneOf(OutputFormat format, OutputFormat... allowed) {
        if (!java.util.List.of(allowed).contains(format)) {
            throw new IllegalArgumentException("--format " + format + " is not available here; use "
                    + String.join(" or ", java.util.Arrays.stream(allowed).map(OutputFormat::toString).toList()));
        }
    }

    /** picocli accepts the names in lower case. */
    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
