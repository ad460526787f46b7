package dev.sessiondb.ui;

import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.ui.common.CurrentStore;
import dev.sessiondb.ui.common.CurrentThreadTaskExecutor;
import dev.sessiondb.ui.common.LocatorInput;
import dev.sessiondb.ui.common.StoreOpener;
import dev.sessiondb.ui.common.UndoStack;
import dev.sessiondb.ui.stores.Credentials;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/**
 * A ViewModel test: what the app's view models share (the current store, the dialogs, the undo stack) with scripted
 * dialogs and tasks run at once on the test's thread, and a folder of the test's own.
 */
public abstract class ViewModelFixture {

    @TempDir
    protected Path directory;

    protected final CurrentStore current = new CurrentStore();
    protected final ScriptedDialogService dialogs = new ScriptedDialogService();
    protected final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    protected final UndoStack undo = new UndoStack(executor, dialogs);

    /** A new run's credentials: no password file, no environment, no password typed yet, so PostgreSQL's is asked for. */
    protected final Credentials credentials() {
        return new Credentials(directory.resolve("no-pgpass"), Map.of());
    }

    /** Turns the stores typed in a view into locators as the window does, over {@link #credentials()}. */
    protected final LocatorInput locators() {
        return new LocatorInput(credentials(), dialogs, executor);
    }

    /** Opens a store as the window opens the stores it is asked for: an existing one, else an error. */
    protected static StoreOpener existingStores() {
        return locator -> StoreFactory.open(locator, OpenMode.EXISTING);
    }

    /** Where the jobs and edits of the test back their stores up, in its folder. */
    protected final BackupJournal journal() {
        return new BackupJournal(directory.resolve("journal"));
    }
}
