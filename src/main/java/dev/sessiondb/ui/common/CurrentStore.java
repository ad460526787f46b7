package dev.sessiondb.ui.common;

import dev.sessiondb.model.SessionKind;
import dev.sessiondb.store.SessionStore;
import java.util.Optional;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.StringProperty;
import javafx.beans.property.SimpleStringProperty;

/**
 * The state the views share (JabRef's StateManager): the open store, a revision that moves
 * whenever its contents change or the user refreshes, the selected session's key and the table's search.
 */
public final class CurrentStore {

    private final ReadOnlyObjectWrapper<SessionStore> store = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper();
    private final StringProperty selectedKey = new SimpleStringProperty();
    private final ReadOnlyObjectWrapper<SessionKind> listedKind = new ReadOnlyObjectWrapper<>();
    private final StringProperty tableSearch = new SimpleStringProperty("");

    public ReadOnlyObjectProperty<SessionStore> storeProperty() {
        return store.getReadOnlyProperty();
    }

    public SessionStore store() {
        return store.get();
    }

    public boolean isOpen() {
        return store.get() != null;
    }

    /** Shows another store; the one shown before is closed. */
    public void show(SessionStore opened) {
        SessionStore previous = store.get();
        selectedKey.set(null);
        listedKind.set(null);
        store.set(opened);
        if (previous != null && previous != opened) {
            previous.close();
        }
    }

    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** Tells every view the store's contents changed (an edit, an undo, F5). */
    public void changed() {
        revision.set(revision.get() + 1);
    }

    /**
     * The one kind of the sessions the table lists of the open store unfiltered (its first page), as the table's columns and
     * search are chosen by it; null while not known or when they are of several kinds.
     */
    public ReadOnlyObjectProperty<SessionKind> listedKindProperty() {
        return listedKind.getReadOnlyProperty();
    }

    /** Tells the views which one kind of sessions the open store's table lists, if one. */
    public void listed(Optional<SessionKind> kind) {
        listedKind.set(kind.orElse(null));
    }

    public StringProperty selectedKeyProperty() {
        return selectedKey;
    }

    /** The search the sessions table's rows were found by (blank for none): the detail marks where it found the selected session. */
    public StringProperty tableSearchProperty() {
        return tableSearch;
    }

    public void close() {
        show(null);
    }
}
