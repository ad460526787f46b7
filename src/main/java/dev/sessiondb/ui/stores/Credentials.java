package dev.sessiondb.ui.stores;

import dev.sessiondb.model.SecretMasker;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.StoreProviders;
import dev.sessiondb.store.sql.PasswordRefusedException;
import dev.sessiondb.store.sql.PgCredentials;
import dev.sessiondb.store.sql.PgLogin;
import dev.sessiondb.ui.common.BackgroundTask;
import dev.sessiondb.ui.common.DialogService;
import dev.sessiondb.ui.common.TaskExecutor;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The app's side of PostgreSQL credentials: the store layer's resolver ({@link PgCredentials},
 * libpq's order, the same one the CLI uses) and, when no source knows the password and the server refuses to log in without one, a prompt
 * whose answer is kept in memory for this run, never saved; so is a password written in a URL the user typed.
 */
public final class Credentials {

    /** What the status line says once the login probe ended: the window's own idle text. */
    private static final String IDLE_STATUS = "Ready";

    private final Path home;
    private final Map<String, String> env;
    private final Predicate<PgCredentials> refuses;
    /** Read by the background threads that open stores, once {@link #supplyToStores()} was called. */
    private final Map<String, String> typedThisRun = new ConcurrentHashMap<>();
    /** The accounts of {@link #typedThisRun} whose password was written in a URL: refused, it is corrected there, as the URL brings it back. */
    private final Set<String> writtenInUrls = ConcurrentHashMap.newKeySet();

    /**
     * @param home the user's home, where {@code .pgpass} is looked for unless {@code PGPASSFILE} names another file
     * @param env  the environment ({@code PG*} variables)
     */
    public Credentials(Path home, Map<String, String> env) {
        this(home, env, PgLogin::refuses);
    }

    /** @param refuses whether the server refuses to log in with these credentials, with their password or none (a test's server without a network) */
    Credentials(Path home, Map<String, String> env, Predicate<PgCredentials> refuses) {
        this.home = home;
        this.env = env;
        this.refuses = refuses;
    }

    /**
     * Makes the locator ready to open: for a store that takes a password (PostgreSQL) spelled out with everything resolved and
     * its password (asking the user when no source knows it and the server refuses to log in without one), unchanged otherwise.
     * The FX thread never waits on the server (up to {@link PgLogin}'s timeout): the login without a
     * password runs as a background task while the status line says "Connecting to …", then {@code ready} runs on the FX
     * thread with the locator (after the prompt, when the server refused), empty when the user cancelled the prompt (the
     * status line says which store did not open and why) or the locator cannot be used (a port that is no number; the user was told).
     * A server that cannot be reached is no refusal: {@code ready} gets the locator, and its opening says what is wrong.
     */
    public void complete(StoreLocator given, DialogService dialogs, TaskExecutor executor, Consumer<Optional<StoreLocator>> ready) {
        if (!StoreProviders.of(given).takesPassword()) {
            ready.accept(Optional.of(given));
            return;
        }
        Resolved resolved;
        try {
            resolved = resolve(given);
        } catch (StoreException | IllegalArgumentException unusable) {
            dialogs.showError("Cannot use " + given.withoutPassword().display(), unusable.getMessage());
            ready.accept(Optional.empty());
            return;
        }
        if (resolved.known().isPresent()) {
            ready.accept(Optional.of(resolved.withPassword(resolved.known().get())));
            return;
        }
        loginThen(resolved.credentials(), "Connecting to " + resolved.shown(), dialogs, executor, refused -> {
            if (refused) {
                askPassword(resolved, false, dialogs, executor, ready);
            } else {
                ready.accept(Optional.of(resolved.withoutPassword()));
            }
        });
    }

    /**
     * The locator ready to open where nobody need be asked, for a look from a keystroke (a job's target named): with the
     * password {@code .pgpass}, {@code PGPASSWORD} or this run knows, or with none where the server takes the user without one
     * (trust, peer). Empty where only the user can tell it, and where the URL spells a password: one being typed is not tried
     * at each keystroke. Waits on the server (up to {@link PgLogin}'s timeout): never call it on the FX thread.
     */
    public Optional<StoreLocator> withoutAsking(StoreLocator given) {
        if (!StoreProviders.of(given).takesPassword()) {
            return Optional.of(given);
        }
        if (givesPassword(given)) {
            return Optional.empty();
        }
        Resolved resolved = resolve(given);
        if (resolved.known().isPresent()) {
            return Optional.of(resolved.withPassword(resolved.known().get()));
        }
        return refuses.test(resolved.credentials()) ? Optional.empty() : Optional.of(resolved.withoutPassword());
    }

    /**
     * Asks for the password until the server takes it or the user cancels. Each answer is tried before it is used, so a
     * mistyped one is asked again where the user is (opening the store, a wizard's step), saying it was refused, instead of
     * failing after it; only an answer the server took is kept for the run.
     */
    private void askPassword(Resolved resolved, boolean refusedBefore, DialogService dialogs, TaskExecutor executor,
                             Consumer<Optional<StoreLocator>> ready) {
        String user = resolved.credentials().user();
        String whose = "user " + user + " on " + resolved.shown();
        Optional<String> typed = dialogs.askPassword(refusedBefore ? "PostgreSQL refused that password for " + whose + ": type it again"
                : "Password for " + whose, "Password (kept in memory for this run only)");
        if (typed.isEmpty()) {
            dialogs.notify("Did not open " + resolved.shown() + ": " + (refusedBefore ? "PostgreSQL refused the password typed for user " + user
                    : "it needs the password of user " + user) + ", and the prompt was cancelled");
            ready.accept(Optional.empty());
            return;
        }
        loginThen(resolved.credentials().withPassword(typed.get()), "Logging in to " + resolved.shown() + " as " + user, dialogs, executor, refused -> {
            if (refused) {
                askPassword(resolved, true, dialogs, executor, ready);
                return;
            }
            typedThisRun.put(resolved.credentials().account(), typed.get());
            writtenInUrls.remove(resolved.credentials().account());
            ready.accept(Optional.of(resolved.withPassword(typed.get())));
        });
    }

    /**
     * Logs in as {@code credentials} say in the background, the status line saying {@code doing} meanwhile, then tells
     * {@code then} on the FX thread whether the server refused; a login that failed otherwise is no refusal.
     */
    private void loginThen(PgCredentials credentials, String doing, DialogService dialogs, TaskExecutor executor, Consumer<Boolean> then) {
        dialogs.notify(doing + " …");
        executor.execute(BackgroundTask.of(doing, monitor -> refuses.test(credentials))
                .onSuccess(refused -> {
                    dialogs.notify(IDLE_STATUS);
                    then.accept(refused);
                })
                .onFailure(failure -> {
                    dialogs.notify(IDLE_STATUS);
                    then.accept(false);
                }));
    }

    /** The credentials of a PostgreSQL locator, with the password this run knows for them, if any. */
    private Resolved resolve(StoreLocator given) {
        StoreLocator locator = withoutMask(given);
        PgCredentials resolved = PgCredentials.resolve(locator, env, home);
        String key = resolved.account();
        if (givesPassword(locator)) {
            // what reopens the store later (an undo, the history) has only the saved locator, without this password
            typedThisRun.put(key, resolved.password());
            writtenInUrls.add(key);
        }
        Optional<String> known = Optional.ofNullable(resolved.password()).or(() -> Optional.ofNullable(typedThisRun.get(key)));
        return new Resolved(locator, resolved, known);
    }

    private final class Resolved {

        private final StoreLocator locator;
        private final PgCredentials credentials;
        private final Optional<String> known;

        Resolved(StoreLocator locator, PgCredentials credentials, Optional<String> known) {
            this.locator = locator;
            this.credentials = credentials;
            this.known = known;
        }

        PgCredentials credentials() {
            return credentials;
        }

        Optional<String> known() {
            return known;
        }

        String shown() {
            return locator.withoutPassword().display();
        }

        /** As the CLI connects: a server that trusts this user is never asked for a password, nor shown one (****) later. */
        StoreLocator withoutPassword() {
            return credentials.toLocator(locator.params());
        }

        StoreLocator withPassword(String password) {
            return credentials.withPassword(password).toLocator(locator.params());
        }
    }

    /**
     * A locator copied from the window's text, where a password shows as its mask: the mask is no password (taken
     * as one, it would replace the password typed for this run), so the locator is used without it.
     */
    private static StoreLocator withoutMask(StoreLocator locator) {
        boolean maskInUrl = !locator.withoutPassword().target().equals(locator.target())
                && SecretMasker.maskUrlPasswords(locator.target()).equals(locator.target());
        boolean maskAsParameter = locator.param(StoreLocator.PASSWORD_PARAM).filter(SecretMasker.MASK::equals).isPresent();
        return maskInUrl || maskAsParameter ? locator.withoutPassword() : locator;
    }

    private static boolean givesPassword(StoreLocator locator) {
        return locator.param(StoreLocator.PASSWORD_PARAM).isPresent() || !locator.withoutPassword().target().equals(locator.target());
    }

    /**
     * Lets every opening of a store in this run use the passwords typed here (an undo, the history, a diff, a
     * store reopened), as the first opening did: the README promises the password is asked once and kept for the run.
     */
    public void supplyToStores() {
        PgCredentials.useTypedPasswords(account -> Optional.ofNullable(typedThisRun.get(account)));
    }

    /**
     * Forgets a password given in this run (typed at the prompt or in a URL) that the server refused, so the next attempt
     * asks again instead of failing the same way for the rest of the run; a URL's is told to be corrected in the URL.
     *
     * @return the failure, told as a {@link TypedPasswordForgottenException} when it forgot a password
     */
    public Exception forgetRefused(Exception failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PasswordRefusedException refused && typedThisRun.remove(refused.account()) != null) {
                return new TypedPasswordForgottenException(refused, writtenInUrls.remove(refused.account()), failure);
            }
        }
        return failure;
    }
}
