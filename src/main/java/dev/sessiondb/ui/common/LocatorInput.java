package dev.sessiondb.ui.common;

import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.ui.stores.Credentials;
import java.util.Optional;

/** Turns what the user typed or picked into a locator ready to open: parsed, and with its password for PostgreSQL. */
public final class LocatorInput {

    private final Credentials credentials;
    private final DialogService dialogs;

    public LocatorInput(Credentials credentials, DialogService dialogs) {
        this.credentials = credentials;
        this.dialogs = dialogs;
    }

    /**
     * @param role what the store is for ("Source", "Store A"), named in the error
     * @return the locator, or empty when the text is blank or bad (the user was told) or the password prompt was cancelled
     */
    public Optional<StoreLocator> resolve(String role, String text) {
        if (text == null || text.isBlank()) {
            dialogs.showError(role + " is missing", "Choose a store for " + role.toLowerCase(java.util.Locale.ROOT)
                    + ": pick one from the list, browse for a file, or type a locator such as sqlite:/path/sessions.db");
            return Optional.empty();
        }
        try {
            return credentials.complete(StoreLocator.parse(text), dialogs);
        } catch (StoreException | IllegalArgumentException unusable) {
            dialogs.showError(role + ": cannot use this as a session store", unusable.getMessage());
            return Optional.empty();
        }
    }
}
