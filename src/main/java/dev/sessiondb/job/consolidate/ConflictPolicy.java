package dev.sessiondb.job.consolidate;

import java.util.Locale;

/** How consolidation settles one key held with different content by several sources. */
public enum ConflictPolicy {
    /**
     * The record with the latest own timestamp wins (see {@link Recency}); a tie goes to the
     * earlier source, and a merge target's own version wins only when it is strictly newer.
     */
    NEWEST,
    /** The record from the source named first wins. */
    FIRST,
    /** Any conflict refuses the whole consolidation; nothing is written. */
    FAIL,
    /**
     * The first source (a merge target, when it holds the key) keeps the key; each other
     * version is kept under {@code key~N}, N its source's number.
     */
    KEEP_BOTH;

    /** picocli accepts {@code keep-both} and the other names in lower case. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
