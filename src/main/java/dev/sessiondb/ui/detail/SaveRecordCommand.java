package dev.sessiondb.ui.detail;

import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.ui.common.UndoableCommand;

/** Saves an edited record; undo puts the record back as it was. */
public record SaveRecordCommand(SessionStore store, SessionRecord before, SessionRecord after) implements UndoableCommand {

    @Override
    public String description() {
        return "edit of " + after.key();
    }

    @Override
    public void execute() {
        store.put(after);
    }

    @Override
    public void undo() {
        store.put(before);
    }
}
