package dev.sessiondb.ui.detail;

import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.ui.common.UndoableCommand;

/** Deletes a record; undo writes the whole record back, unknown fields included. */
public record DeleteRecordCommand(SessionStore store, SessionRecord record) implements UndoableCommand {

    @Override
    public String description() {
        return "deletion of " + record.key();
    }

    @Override
    public void execute() {
        store.delete(record.key());
    }

    @Override
    public void undo() {
        store.put(record);
    }
}
