package dev.sessiondb.ui.common;

/** A user action that can be taken back (Scene Builder's job objects): it says what it does, does it, and undoes it. */
public interface UndoableCommand {

    /** Shown as "Undo <description>". */
    String description();

    void execute();

    void undo();
}
