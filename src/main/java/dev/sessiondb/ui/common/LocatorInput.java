package dev.sessiondb.ui.common;

import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.ui.stores.Credentials;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/** Turns what the user typed or picked into locators ready to open: parsed, and with their passwords for PostgreSQL. */
public final class LocatorInput {

    /**
     * A store the user chose, as typed.
     *
     * @param role what the store is for ("Source", "Store A"), named in the error
     */
    public record Choice(String role, String text) {
    }

    private final Credentials credentials;
    private final DialogService dialogs;
    private final TaskExecutor executor;

    public LocatorInput(Credentials credentials, DialogService dialogs, TaskExecutor executor) {
        this.credentials = credentials;
        this.dialogs = dialogs;
        this.executor = executor;
    }

    /**
     * Resolves the choices in order, then gives {@code ready} their locators on the UI thread: empty when a text is blank or
     * bad (the user was told, the choices after it not looked at) or a password prompt was cancelled. Whether a PostgreSQL
     * server wants a password is found out in the background ({@link Credentials}), so the window never waits on a server.
     */
    public void resolve(List<Choice> choices, Consumer<Optional<List<StoreLocator>>> ready) {
        resolveFrom(choices, new ArrayList<>(), ready);
    }

    /** See {@link Credentials#withoutAsking}: for a background thread, never the FX thread. */
    public Optional<StoreLocator> readyWithoutAsking(StoreLocator given) {
        return credentials.withoutAsking(given);
    }

    private void resolveFrom(List<Choice> choices, List<StoreLocator> resolved, Consumer<Optional<List<StoreLocator>>> ready) {
        if (resolved.size() == choices.size()) {
            ready.accept(Optional.of(List.copyOf(resolved)));
            return;
        }
        Optional<StoreLocator> parsed = parse(choices.get(resolved.size()));
        if (parsed.isEmpty()) {
            ready.accept(Optional.empty());
            return;
        }
        credentials.complete(parsed.get(), dialogs, executor, completed -> {
            if (completed.isEmpty()) {
                ready.accept(Optional.empty());
                return;
            }
            resolved.add(completed.get());
            resolveFrom(choices, resolved, ready);
        });
    }

    private Optional<StoreLocator> parse(Choice choice) {
        if (choice.text() == null || choice.text().isBlank()) {
            dialogs.showError(choice.role() + " is missing", "Choose a store for " + choice.role().toLowerCase(Locale.ROOT)
                    + ": pick one from the list, browse for a file, or type a locator such as sqlite:/path/sessions.db");
            return Optional.empty();
        }
        try {
            return Optional.of(StoreLocator.parse(choice.text()));
        } catch (StoreException | IllegalArgumentException unusable) {
            dialogs.showError(choice.role() + ": cannot use this as a session store", unusable.getMessage());
            return Optional.empty();
        }
    }
}
