package dev.sessiondb.ui;

import dev.sessiondb.ui.common.CurrentStore;
import dev.sessiondb.ui.common.DialogService;
import dev.sessiondb.ui.common.SettingsStore;
import dev.sessiondb.ui.common.Theme;
import dev.sessiondb.ui.common.UndoStack;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;

/** The window's own state and commands: theme, refresh, undo, remembered window size. */
public final class MainViewModel {

    private final ReadOnlyObjectWrapper<Theme> theme = new ReadOnlyObjectWrapper<>();
    private final SettingsStore settings;
    private final CurrentStore current;
    private final UndoStack undo;
    private final DialogService dialogs;

    public MainViewModel(SettingsStore settings, CurrentStore current, UndoStack undo, DialogService dialogs) {
        this.settings = settings;
        this.current = current;
        this.undo = undo;
        this.dialogs = dialogs;
        theme.set(Theme.of(settings.get().theme()));
        undo.onChange(command -> current.changed());
        current.storeProperty().addListener((property, before, after) -> undo.storeSwitched());
    }

    // Properties

    public ReadOnlyObjectProperty<Theme> themeProperty() {
        return theme.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty undoDescriptionProperty() {
        return undo.undoDescriptionProperty();
    }

    public double windowWidth() {
        return settings.get().windowWidth();
    }

    public double windowHeight() {
        return settings.get().windowHeight();
    }

    // Commands

    public void toggleTheme() {
        theme.set(theme.get().other());
        settings.update(state -> state.withTheme(theme.get()));
    }

    public void refresh() {
        if (current.isOpen()) {
            current.changed();
            dialogs.notify("Refreshed " + current.store().locator().display());
        } else {
            dialogs.notify("No store open to refresh");
        }
    }

    public void undo() {
        undo.undo();
    }

    public void rememberWindowSize(double width, double height) {
        settings.update(state -> state.withWindowSize(width, height));
    }
}
