package dev.sessiondb.ui.common;

import dev.sessiondb.job.StoreProbe;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.ui.common.LocatorInput.Choice;
import dev.sessiondb.ui.stores.TypedPasswordForgottenException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A store a view names: its text as typed (the password kept), the text as the pages show it, Browse, and the store to
 * resolve, named for a message about it. Diff's two stores, migrate's source and validate's store are each one; a job's
 * target ({@code ui.wizard.WizardTarget}) is one with a mode, so they all behave alike.
 */
public class StoreField {

    private final StringProperty text = new SimpleStringProperty("");
    private final StringBinding shown = StoreNames.shown(text);
    private final String role;
    private final Supplier<Optional<Path>> browsed;

    /**
     * @param role    what the store is for, as a message about it names it: "Store A", "Source", "Target"
     * @param browsed asks the user for a file; empty when the choice was cancelled
     */
    protected StoreField(String role, Supplier<Optional<Path>> browsed) {
        this.role = role;
        this.browsed = browsed;
    }

    /** A store that is there already: Browse picks an existing file. */
    public static StoreField existing(String role, DialogService dialogs) {
        return new StoreField(role, dialogs::chooseStoreFile);
    }

    /** The store as typed or picked: a path or a locator. */
    public final StringProperty textProperty() {
        return text;
    }

    /** The store as the pages show it ("Writes to: ..."), its password masked. */
    public final StringBinding shown() {
        return shown;
    }

    /** Asks for a file; a chosen one becomes the store, a cancelled choice leaves it. */
    public final void browse() {
        browsed.get().ifPresent(file -> text.set(file.toString()));
    }

    /**
     * Takes out of the text a password written in its URL that PostgreSQL refused ({@code failure} says which store's): the
     * field then shows the URL without it rather than a mask to type over, and the next resolve asks for the password.
     *
     * @return whether this field's password was taken out
     */
    public final boolean takeOutRefusedPassword(Exception failure) {
        Optional<String> without = withoutRefusedPassword(failure, text.get());
        without.ifPresent(text::set);
        return without.isPresent();
    }

    /**
     * A store's text as typed, without the password written in its URL that PostgreSQL refused ({@code failure} says which
     * store's); empty when the text names another store, or the failure is no such refusal. Stores typed into a list (a
     * consolidation's sources) are mended by it as a field is.
     */
    public static Optional<String> withoutRefusedPassword(Exception failure, String typed) {
        Optional<String> refused = failure instanceof TypedPasswordForgottenException forgotten ? forgotten.refusedInUrlOf() : Optional.empty();
        return refused.flatMap(store -> parsed(typed).filter(locator -> locator.display().equals(store))).map(StoreProbe::withoutPassword);
    }

    private static Optional<StoreLocator> parsed(String typed) {
        try {
            return Optional.of(StoreLocator.parse(typed));
        } catch (StoreException | IllegalArgumentException unusable) {
            return Optional.empty();
        }
    }

    /** The store to resolve, named so for a message about it. */
    public final Choice choice() {
        return new Choice(role, text.get());
    }
}
