package dev.sessiondb.ui.wizard.validate;

import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.ui.common.CurrentStore;
import dev.sessiondb.ui.common.DialogService;
import dev.sessiondb.ui.common.StoreNames;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The store whose findings the wizard shows, beside the open one: the detail pane shows the open store's sessions, so
 * a finding's session shows there only when the two are one store, and the page says so when they are not.
 */
final class ValidatedStore {

    private final CurrentStore current;
    private final DialogService dialogs;
    private final ReadOnlyStringWrapper anotherStoreValidated = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper forAnotherStore = new ReadOnlyBooleanWrapper(false);
    private StoreLocator validated;
    /** The store of the latest validation, from the moment it starts; {@link #validated} changes only once its findings are in. */
    private StoreLocator validating;

    ValidatedStore(CurrentStore current, DialogService dialogs) {
        this.current = current;
        this.dialogs = dialogs;
        current.storeProperty().addListener((property, before, after) -> sayWhetherAnotherStoreIsValidated());
    }

    ReadOnlyStringProperty anotherStoreValidatedProperty() {
        return anotherStoreValidated.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty forAnotherStoreProperty() {
        return forAnotherStore.getReadOnlyProperty();
    }

    /** The store of the findings shown; null before the first findings are in. */
    StoreLocator locator() {
        return validated;
    }

    /** Whether the findings shown are of {@code store}. */
    boolean is(StoreLocator store) {
        return validated != null && sameStore(validated, store);
    }

    /** A validation of {@code locator} starts: the page is for it from now on. */
    void validating(StoreLocator locator) {
        validating = locator;
        sayWhetherAnotherStoreIsValidated();
    }

    /** The findings of {@code locator} are in; {@link #sayWhetherAnotherStoreIsValidated} once they are shown. */
    void validated(StoreLocator locator) {
        validated = locator;
    }

    void showSession(String key) {
        if (key == null) {
            return;
        }
        if (validatedIsOpen()) {
            current.selectedKeyProperty().set(key);
        } else {
            dialogs.notify("Open " + (validated == null ? "the store" : StoreNames.shortName(validated)) + " to see session " + key);
        }
    }

    void followFinding(String key) {
        if (key != null && validatedIsOpen()) {
            current.selectedKeyProperty().set(key);
        }
    }

    void sayWhetherAnotherStoreIsValidated() {
        forAnotherStore.set(validating != null && !isOpen(validating));
        anotherStoreValidated.set(validated == null || validatedIsOpen() ? ""
                : "These findings are of " + StoreNames.distinctName(validated, current.isOpen() ? List.of(current.store().locator()) : List.of())
                        + ", not the open store: open it to see a finding's session beside them.");
    }

    /** Whether the findings shown are of the open store, so their sessions show in the detail pane. */
    private boolean validatedIsOpen() {
        return validated != null && isOpen(validated);
    }

    private boolean isOpen(StoreLocator store) {
        return current.isOpen() && sameStore(current.store().locator(), store);
    }

    /** Whether two locators name one store, however typed ({@code postgres://} or {@code postgresql://}) and with or without a password. */
    private static boolean sameStore(StoreLocator one, StoreLocator other) {
        return one.withoutPassword().equals(other.withoutPassword());
    }
}
