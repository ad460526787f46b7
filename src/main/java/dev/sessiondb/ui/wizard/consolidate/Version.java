package dev.sessiondb.ui.wizard.consolidate;

/**
 * One version of a conflict, by who holds it, for choosing the two sides of the comparison.
 *
 * @param holder a 0-based source or {@link dev.sessiondb.job.consolidate.Consolidation.Entry#TARGET}
 * @param label  "source 2 (b.json)" or "the target (all.db)"
 */
public record Version(int holder, String label) {

    @Override
    public String toString() {
        return label;
    }
}
