package dev.sessiondb.ui.wizard.consolidate;

/**
 * One version of a conflict, by who holds it, for choosing the two sides of the comparison.
 *
 * @param holder a 0-based source or {@link dev.sessiondb.job.consolidate.Consolidation.Entry#TARGET}
 * @param label  "source 2 (b.json)" or "the target (all.db)", the store named by what tells it from the others
 * @param store  the holder's whole locator as the window shows it (password masked), where its name is not enough
 */
public record Version(int holder, String label, String store) {

    @Override
    public String toString() {
        return label;
    }
}
