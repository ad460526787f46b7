package dev.sessiondb.ui.common;

import dev.sessiondb.store.StoreFaults;
import dev.sessiondb.store.StoreLeftoversException;

/**
 * A failure as the window says it: the engine's words ({@link StoreFaults#describe}), with the advice only a
 * command line can follow (its {@code --backup-dir} option, "the command") said with what the window has.
 */
public final class FailureText {

    /** Where the app keeps backups: the window has no option for it, so the advice names the folder. */
    private static final String WHERE_BACKUPS_GO = "the app keeps its backups in sessiondb-admin in the data folder"
            + " (XDG_DATA_HOME, ~/.local/share by default)";

    private FailureText() {
    }

    public static String describe(Throwable failure) {
        return inWindowWords(StoreLeftoversException.told(StoreFaults.describe(failure), failure));
    }

    /** The engine's advice for the command line, such as a notice that the catalog cannot be written, with what the window has. */
    public static String inWindowWords(String advice) {
        return advice.replace("check that folder, or pass --backup-dir", "check that folder: " + WHERE_BACKUPS_GO)
                .replace(", or choose another --backup-dir", "")
                .replace(" (or --backup-dir for backups)", " (" + WHERE_BACKUPS_GO + ")")
                .replace("run the command again", "run the job again");
    }
}
