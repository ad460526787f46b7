package dev.sessiondb.ui;

import dev.sessiondb.ui.common.CurrentStore;
import dev.sessiondb.ui.common.SettingsStore;
import dev.sessiondb.ui.common.Theme;
import dev.sessiondb.ui.common.UndoStack;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;

/** The window's own state and commands: theme, undo, remembered window size. */
public final class MainViewModel {

    private final ReadOnlyObjectWrapper<Theme> theme = new ReadOnlyObjectWrapper<>();
    private final SettingsStore settings;
    private final UndoStack undo;

    public MainViewModel(SettingsStore settings, CurrentStore current, UndoStack undo) {
        this.settings = settings;
        this.undo = undo;
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

    public void undo() {
        undo.undo();
    }

    public void rememberWindowSize(double width, double height) {
        settings.update(state -> state.withWindowSize(width, height));
    }
}
