package dev.sessiondb.diff;

/** How many sessions fell in each part of a diff. */
public record DiffSummary(long onlyInA, long onlyInB, long changed, long identical) {

    public boolean isEqual() {
        return onlyInA == 0 && onlyInB == 0 && changed == 0;
    }
}
