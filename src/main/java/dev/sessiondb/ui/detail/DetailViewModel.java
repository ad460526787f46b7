package dev.sessiondb.ui.detail;

import dev.sessiondb.catalog.KnownStores;
import dev.sessiondb.job.ExportTarget;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.model.Message;
import dev.sessiondb.model.SecretMasker;
import dev.sessiondb.model.SessionDocument;
import dev.sessiondb.model.SessionKind;
import dev.sessiondb.model.SessionQuery;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.model.SessionSummary;
import dev.sessiondb.model.Timestamp;
import dev.sessiondb.model.WhereFound;
import dev.sessiondb.store.DamagedRecordException;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StaleRecordException;
import dev.sessiondb.ui.common.BackgroundTask;
import dev.sessiondb.ui.common.CurrentStore;
import dev.sessiondb.ui.common.DialogService;
import dev.sessiondb.ui.common.ShownTime;
import dev.sessiondb.ui.common.TaskExecutor;
import dev.sessiondb.ui.common.UndoStack;
import dev.sessiondb.ui.common.UndoableCommand;
import dev.sessiondb.ui.diff.FieldRow;
import dev.sessiondb.ui.diff.SideBySide;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The selected session: every field as a masked tree, its conversation, and editing or deleting it (undoable). */
public final class DetailViewModel {

    /** A conversation line for the view, content masked: its time shown as the sessions table shows times, and as the session writes it (read aloud). */
    public record MessageLine(String role, String shownTime, String writtenTime, String content) {
    }

    /** A field in the edit form: the typed text is a property the form binds to. */
    public record FormField(RecordEdit.EditableField field, StringProperty text) {
    }

    private final ReadOnlyObjectWrapper<SessionRecord> record = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper subtitle = new ReadOnlyStringWrapper("");
    private final ObservableList<FieldNode> fields = FXCollections.observableArrayList();
    private final ObservableList<MessageLine> messages = FXCollections.observableArrayList();
    private final ObservableList<FormField> form = FXCollections.observableArrayList();
    private final BooleanProperty editing = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper problems = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper selected = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper conflict = new ReadOnlyStringWrapper("");
    private final ObservableList<FieldRow> conflictRows = FXCollections.observableArrayList();
    /** While a refusal is shown: the user's version it did not write (empty for a session absent then); null otherwise. */
    private Optional<SessionRecord> notWritten;
    private final ReadOnlyBooleanWrapper conversation = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper damage = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper foundMessage = new ReadOnlyIntegerWrapper(NO_MESSAGE);

    /** {@link #foundMessageProperty()} when the table's search found the session in none of its messages. */
    public static final int NO_MESSAGE = -1;

    private final CurrentStore current;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final UndoStack undo;
    private final BackupJournal journal;

    /** @param journal where the store is backed up before each edit or deletion */
    public DetailViewModel(CurrentStore current, TaskExecutor executor, DialogService dialogs, UndoStack undo, BackupJournal journal) {
        this.current = current;
        this.executor = executor;
        this.dialogs = dialogs;
        this.undo = undo;
        this.journal = journal;
        current.selectedKeyProperty().addListener((property, before, after) -> load(true));
        // the table reads the store again too and reports its failure: one dialog, not one per view
        current.revisionProperty().addListener((property, before, after) -> load(false));
        current.tableSearchProperty().addListener((property, before, after) -> markFoundMessage());
    }

    // Properties

    public ReadOnlyObjectProperty<SessionRecord> recordProperty() {
        return record.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty subtitleProperty() {
        return subtitle.getReadOnlyProperty();
    }

    public ObservableList<FieldNode> fields() {
        return fields;
    }

    public ObservableList<MessageLine> messages() {
        return messages;
    }

    public ObservableList<FormField> form() {
        return form;
    }

    public BooleanProperty editingProperty() {
        return editing;
    }

    /** Why the edit cannot be saved, one problem a line; empty when it can. */
    public ReadOnlyStringProperty problemsProperty() {
        return problems.getReadOnlyProperty();
    }

    /** Whether the shown session has a conversation, so a Markdown transcript can be exported. */
    public ReadOnlyBooleanProperty conversationProperty() {
        return conversation.getReadOnlyProperty();
    }

    /** For a session whose stored record no longer reads: what is wrong and what to do, shown instead of its fields; empty otherwise. */
    public ReadOnlyStringProperty damageProperty() {
        return damage.getReadOnlyProperty();
    }

    /** The first message (its index in {@link #messages()}) holding a word of the table's search; {@link #NO_MESSAGE} for none. */
    public ReadOnlyIntegerProperty foundMessageProperty() {
        return foundMessage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** Why the last edit or deletion was refused because the record changed underneath; empty otherwise. */
    public ReadOnlyStringProperty conflictProperty() {
        return conflict.getReadOnlyProperty();
    }

    /** The refused record side by side: the user's version, not written (A), and as the store holds it now (B), masked. */
    public ObservableList<FieldRow> conflictRows() {
        return conflictRows;
    }

    // Commands

    /** Leaves the refused edit and shows the record as the store holds it now. */
    public void reloadAfterConflict() {
        closeConflict();
        load(true);
    }

    public void startEditing() {
        SessionRecord shown = record.get();
        if (shown == null) {
            return;
        }
        form.setAll(RecordEdit.fieldsOf(shown).stream().map(field -> new FormField(field, new SimpleStringProperty(field.text()))).toList());
        problems.set("");
        editing.set(true);
    }

    public void cancelEditing() {
        editing.set(false);
        problems.set("");
    }

    /** Validates the form and saves the record (undoable); problems keep the form open. */
    public void save() {
        SessionRecord before = record.get();
        SessionStore store = current.store();
        if (before == null || store == null) {
            return;
        }
        Map<String, String> texts = new LinkedHashMap<>();
        form.forEach(field -> texts.put(field.field().name(), field.text().get()));
        RecordEdit.Result result = RecordEdit.apply(before, texts);
        if (!result.isValid()) {
            problems.set(String.join("\n", result.problems()));
            return;
        }
        editing.set(false);
        problems.set("");
        if (!result.record().equals(before)) {
            SaveRecordCommand command = new SaveRecordCommand(store, journal, before, result.record());
            undo.run(command, failure -> refused(command, failure));
        }
    }

    /** Writes the shown session to a file the user picks: the whole record as JSON, or its conversation as Markdown; secrets masked. */
    public void export(SessionDocument.Format format) {
        SessionRecord shown = record.get();
        SessionStore store = current.store();
        if (shown == null || store == null || (format == SessionDocument.Format.MARKDOWN && !SessionDocument.hasConversation(shown))) {
            return;
        }
        String named = SecretMasker.maskText("session", shown.key());
        // the file's name is shown, listed and kept as a table's cell is: with the session's secret masked
        String suggested = named.replaceAll("[^A-Za-z0-9._-]", "_") + "." + format.extension();
        dialogs.chooseFileToSave(format == SessionDocument.Format.JSON ? "Export the session as JSON" : "Export the conversation as Markdown", suggested)
                .ifPresent(file -> executor.execute(BackgroundTask.of("Export " + file.getFileName(), monitor -> {
                    // the file chooser asked before replacing a file; a store is refused here, naming the file
                    ExportTarget target = ExportTarget.check(file, store.locator(), () -> KnownStores.in(journal.root()));
                    String document = SessionDocument.write(shown, format);
                    return target.write(store.locator(), journal, out -> out.write(document.getBytes(StandardCharsets.UTF_8)));
                }).onSuccess(replaced -> dialogs.notify("Exported " + named + " to " + file + " (secrets masked)"
                        + ExportTarget.replacedNote(replaced, journal)))
                        .onFailure(failure -> dialogs.showExportFailure(file, failure))));
    }

    public void delete() {
        SessionRecord shown = record.get();
        SessionStore store = current.store();
        if (shown != null && store != null && dialogs.confirm("Delete session " + SecretMasker.maskText("session", shown.key()) + "?",
                "The session is removed from " + store.locator().display() + " after a backup of the store. Undo (Ctrl+Z) brings it back.", "Delete")) {
            DeleteRecordCommand command = new DeleteRecordCommand(store, journal, shown);
            undo.run(command, failure -> refused(command, failure));
        }
    }

    /**
     * A record changed underneath is shown beside the user's own version: a refused save's edit, which
     * would otherwise be lost with the form, or the version a deletion was asked for; other failures as an error.
     */
    private void refused(UndoableCommand command, Exception failure) {
        if (!(failure instanceof StaleRecordException stale)) {
            dialogs.showError("Could not " + command.description(), failure.getMessage());
            return;
        }
        notWritten = command instanceof SaveRecordCommand save ? Optional.of(save.edited()) : stale.loaded();
        conflictRows.setAll(SideBySide.compare(notWritten, stale.current(), Set.of()));
        conflict.set(stale.getMessage());
    }

    /**
     * The store was read again while a refusal is shown: its right side becomes the session as the store holds it now,
     * and the refusal closes once the store holds the user's version (nothing left to resolve).
     */
    private void conflictAgainst(SessionRecord now) {
        if (notWritten.equals(Optional.of(now))) {
            closeConflict();
        } else {
            conflictRows.setAll(SideBySide.compare(notWritten, Optional.of(now), Set.of()));
        }
    }

    private void closeConflict() {
        notWritten = null;
        conflict.set("");
        conflictRows.clear();
    }

    /** @param reportFailure whether a failed read is shown as an error; either way the session read before is no longer shown */
    private void load(boolean reportFailure) {
        String key = current.selectedKeyProperty().get();
        SessionStore store = current.store();
        if (key == null || store == null) {
            show(null);
            return;
        }
        executor.execute(BackgroundTask.of("Read " + key, monitor -> store.get(key))
                .onSuccess(found -> {
                    if (key.equals(current.selectedKeyProperty().get())) {
                        show(found.orElse(null));
                    }
                })
                .onFailure(failure -> {
                    if (failure instanceof DamagedRecordException damaged) {
                        // the table lists it marked: selecting it says what is wrong, as no dialog would stay in view
                        if (key.equals(current.selectedKeyProperty().get())) {
                            show(damaged.unreadable());
                        }
                        return;
                    }
                    if (key.equals(current.selectedKeyProperty().get())) {
                        show(null);
                    }
                    if (reportFailure) {
                        dialogs.showError("Cannot read session " + key, failure.getMessage());
                    }
                }));
    }

    private void show(SessionRecord shown) {
        if (shown == null || record.get() == null || !shown.key().equals(record.get().key())) {
            closeConflict();
        } else if (notWritten != null) {
            conflictAgainst(shown);
        }
        // a damaged record's stand-in is no record to edit, export or delete
        record.set(shown == null || shown.damage().isPresent() ? null : shown);
        selected.set(shown != null);
        damage.set(shown == null ? "" : shown.damage().map(why -> why.what() + "\n\n" + why.todo()).orElse(""));
        conversation.set(shown != null && SessionDocument.hasConversation(shown));
        editing.set(false);
        foundMessage.set(NO_MESSAGE);
        if (shown == null) {
            title.set("");
            subtitle.set("");
            fields.clear();
            messages.clear();
            return;
        }
        title.set(SecretMasker.maskText(null, shown.key()));
        if (shown.damage().isPresent()) {
            subtitle.set(shown.damage().get().label());
            fields.clear();
            messages.clear();
            return;
        }
        subtitle.set(SessionSummary.of(shown));
        fields.setAll(FieldNode.of(shown.maskedFields(), SessionKind.of(shown)));
        messages.setAll(shown.messages().stream().map(DetailViewModel::line).toList());
        markFoundMessage();
    }

    /** Marks anew for each session shown, so the view goes to the message even when it has the index of the one before. */
    private void markFoundMessage() {
        foundMessage.set(NO_MESSAGE);
        SessionRecord shown = record.get();
        String search = current.tableSearchProperty().get();
        if (shown != null && !search.isEmpty()) {
            foundMessage.set(WhereFound.firstMessage(WhereFound.in(SessionQuery.all().withSearch(search), shown)).orElse(NO_MESSAGE));
        }
    }

    private static MessageLine line(Message message) {
        Optional<Timestamp> time = Optional.ofNullable(message.timestamp());
        return new MessageLine(Optional.ofNullable(message.role()).orElse("?"), time.map(ShownTime::of).orElse(""), time.map(Timestamp::text).orElse(""),
                SecretMasker.maskText(null, Optional.ofNullable(message.content()).orElse("")));
    }
}
