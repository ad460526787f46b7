package dev.sessiondb.ui;

import dev.sessiondb.ui.common.CurrentStore;
import dev.sessiondb.ui.common.CurrentThreadTaskExecutor;
import dev.sessiondb.ui.common.UndoStack;
import java.nio.file.Path;
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
}
