package dev.sessiondb.store.sql;

import dev.sessiondb.store.StoreException;

/** PostgreSQL refused the password given for an account: the app forgets one the user typed, so the next attempt asks again. */
public final class PasswordRefusedException extends StoreException {

    private final String store;
    private final String user;
    private final String account;

    PasswordRefusedException(String store, String message, PgCredentials credentials, Throwable cause) {
        super(store + ": " + message, cause);
        this.store = store;
        this.user = credentials.user();
        this.account = credentials.account();
    }

    /** The store as shown, without its password. */
    public String store() {
        return store;
    }

    public String user() {
        return user;
    }

    /** Whose password was refused: user, host, port and database, never the password. */
    public String account() {
        return account;
    }
}
