package dev.sessiondb.progress;

/**
 * How many records a source holds, as its reading tells while it goes, for a phase whose total is not known before:
 * a JSON file read in one pass estimates it from the records read in the bytes read of its size, and knows it once read
 * through.
 *
 * @param count the records in all, -1 when not known
 * @param exact whether the source was read to its end, so the count is no estimate
 */
public record ReadTotal(long count, boolean exact) {

    public static final ReadTotal UNKNOWN = new ReadTotal(-1, false);

    /** Records read in bytes read of a size: the count the rest of the file holds at the same bytes a record. */
    public static ReadTotal estimated(long recordsRead, long bytesRead, long size) {
        return recordsRead <= 0 || bytesRead <= 0 || size <= 0 ? UNKNOWN
                : new ReadTotal(Math.max(recordsRead, Math.round(recordsRead * ((double) size / bytesRead))), false);
    }
}
