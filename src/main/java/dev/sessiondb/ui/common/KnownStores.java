package dev.sessiondb.ui.common;

import java.util.LinkedHashSet;
import java.util.Set;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The stores a picker offers: the open one, then the saved and recent ones, each once and never with a password. */
public final class KnownStores {

    private final ObservableList<String> locators = FXCollections.observableArrayList();
    private final SettingsStore settings;
    private final SavedStoreList savedStores;
    private final CurrentStore current;

    public KnownStores(SettingsStore settings, SavedStoreList savedStores, CurrentStore current) {
        this.settings = settings;
        this.savedStores = savedStores;
        this.current = current;
        refresh();
    }

    public ObservableList<String> locators() {
        return locators;
    }

    /** Reads the list again (a store was opened or saved since). */
    public void refresh() {
        Set<String> all = new LinkedHashSet<>();
        if (current.isOpen()) {
            all.add(current.store().locator().withoutPassword().display());
        }
        all.addAll(savedStores.list());
        all.addAll(settings.get().recentStores());
        locators.setAll(all);
    }
}
