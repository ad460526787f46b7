package dev.sessiondb.ui;

import dev.sessiondb.job.StoreProbe;
import dev.sessiondb.ui.common.CurrentStore;
import dev.sessiondb.ui.common.SettingsStore;
import dev.sessiondb.ui.common.Theme;
import dev.sessiondb.ui.common.UndoStack;
import dev.sessiondb.ui.common.UndoableCommand;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;

/** The window's own state and commands: theme, undo, remembered window size. */
public final class MainViewModel {

    /** How much of the step the Undo button names: longer ones push Help out of the toolbar at the default window width. */
    static final int UNDO_LABEL_LIMIT = 48;

    private final ReadOnlyObjectWrapper<Theme> theme = new ReadOnlyObjectWrapper<>();
    private final SettingsStore settings;
    private final UndoStack undo;

    public MainViewModel(SettingsStore settings, CurrentStore current, UndoStack undo) {
        this.settings = settings;
        this.undo = undo;
        theme.set(Theme.of(settings.get().theme()));
        undo.onChange(command -> {
            if (removedOpenStore(command, current)) {
                current.close(); // nothing left to read: the status line says it was removed and how to take that back
            } else {
                current.changed();
            }
        });
        current.storeProperty().addListener((property, before, after) -> undo.storeSwitched());
    }

    private static boolean removedOpenStore(UndoableCommand command, CurrentStore current) {
        return command.undoRemovedStore() && current.isOpen()
                && command.replacesStore().filter(removed -> StoreProbe.sameStore(removed, current.store().locator())).isPresent();
    }

    // Properties

    public ReadOnlyObjectProperty<Theme> themeProperty() {
        return theme.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty undoDescriptionProperty() {
        return undo.undoDescriptionProperty();
    }

    /** The Undo button's text: "Undo" and the step, cut short in the middle (its tooltip names it whole), keeping its time. */
    public StringBinding undoLabel() {
        return Bindings.createStringBinding(() -> {
            String step = undo.undoDescriptionProperty().get();
            return step.isEmpty() ? "Undo" : "Undo " + shortened(step);
        }, undo.undoDescriptionProperty());
    }

    /**
     * The Undo button's tooltip and what screen readers say of it: the step whole (the button's text may be cut short), or,
     * while Undo and Ctrl+Z refuse, why (a job writing stores, a job history that cannot record an undo).
     */
    public StringBinding undoHelp() {
        return Bindings.createStringBinding(() -> {
            if (!undo.undoWaitProperty().get().isEmpty()) {
                return undo.undoWaitProperty().get();
            }
            if (!undo.catalogReadOnlyProperty().get().isEmpty()) {
                return "Refuses while the job history cannot be written (see the History view)";
            }
            String step = undo.undoDescriptionProperty().get();
            return step.isEmpty() ? "Undo the last change (Ctrl+Z)" : "Undo the " + step + " (Ctrl+Z)";
        }, undo.undoWaitProperty(), undo.catalogReadOnlyProperty(), undo.undoDescriptionProperty());
    }

    /** Whether an undo is running; the Undo button waits for it. */
    public ReadOnlyBooleanProperty undoRunningProperty() {
        return undo.undoRunningProperty();
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

    /**
     * The step's start, "…", and its end from the target's arrow (or its time) on: "consolidation session-db.json +… → t1
     * (03:20:32)" still says which store it puts back and which of two such jobs it is.
     */
    static String shortened(String step) {
        if (step.length() <= UNDO_LABEL_LIMIT) {
            return step;
        }
        int arrow = step.lastIndexOf(" → ");
        int endFrom = arrow >= 0 ? arrow : step.lastIndexOf(" (");
        int keptAtEnd = Math.min(UNDO_LABEL_LIMIT * 2 / 3, endFrom < 0 ? 0 : step.length() - endFrom);
        return step.substring(0, UNDO_LABEL_LIMIT - keptAtEnd - 1).stripTrailing() + "…" + step.substring(step.length() - keptAtEnd);
    }
}
