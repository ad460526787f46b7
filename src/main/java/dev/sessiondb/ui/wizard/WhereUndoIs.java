package dev.sessiondb.ui.wizard;

/**
 * Where a job's Undo is, in the one phrase every page that promises it uses: "Undo restores the backup" left a first-time
 * user to find an Undo. The undo stack's step is this job's only while no later change is on it; History undoes the job
 * whatever came after.
 */
public final class WhereUndoIs {

    /** The toolbar's Undo and History's, as the toolbar and History name them. */
    public static final String PHRASE = "the toolbar's Undo (Ctrl+Z) while it names this job, or History's \"Undo selected job\" at any time";

    private WhereUndoIs() {
    }

    /** "to put it back: " and where the Undo is, for {@code what} ("it", "them") a job backs up before writing. */
    public static String toPutBack(String what) {
        return "to put " + what + " back: " + PHRASE;
    }
}
