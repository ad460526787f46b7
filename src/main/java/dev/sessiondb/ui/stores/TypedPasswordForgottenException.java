package dev.sessiondb.ui.stores;

import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.sql.PasswordRefusedException;

/**
 * PostgreSQL refused a password the user typed in this run, and the app forgot it so the next try asks again. Its
 * message says to try again; where the failure is shown says how ({@link #toldWith}), in that place's words.
 */
public final class TypedPasswordForgottenException extends StoreException {

    private final String refusal;

    TypedPasswordForgottenException(PasswordRefusedException refused, Exception failure) {
        this(refused.store() + ": PostgreSQL refused the password typed for user " + refused.user() + "; it is forgotten", "try again and type it when asked", failure);
    }

    private TypedPasswordForgottenException(String refusal, String nextStep, Exception failure) {
        super(refusal + ": " + nextStep, failure);
        this.refusal = refusal;
    }

    /**
     * @param nextStep how the user is asked again where the failure is shown ("open the store again …")
     * @return {@code failure} told with that step when it is a forgotten password, else {@code failure} as it is
     */
    public static Exception toldWith(Exception failure, String nextStep) {
        return failure instanceof TypedPasswordForgottenException forgotten
                ? new TypedPasswordForgottenException(forgotten.refusal, nextStep, (Exception) forgotten.getCause()) : failure;
    }
}
