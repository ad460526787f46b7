package dev.sessiondb.ui.stores;

import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.sql.PasswordRefusedException;
import java.util.Optional;

/**
 * PostgreSQL refused a password the user gave in this run, at the prompt or written in a store's URL, and the app forgot
 * it. Its message says what to do next: a prompt's password is asked again on the next try, but a URL's comes back with
 * the URL, so that one is corrected there. Where the failure is shown says how, in that place's words ({@link #toldWith}).
 */
public final class TypedPasswordForgottenException extends StoreException {

    /** What to do with a refused password written in a URL, wherever the failure is shown. */
    public static final String CORRECT_THE_URL = "correct the password in the URL (or take it out of the URL to be asked for it)";

    /** What to do with a refused password typed at a wizard's prompt: it is asked again. */
    public static final String ASKED_AGAIN = "go Back then Next, and type it when asked";

    /** What to do with a refused password written in a URL that a wizard took out of it: it is asked for on Next. */
    private static final String TAKEN_OUT_OF_THE_URL = "it is taken out of the URL: go Back, then Next, and type the right one when asked";

    private final String refusal;
    private final boolean writtenInUrl;
    private final String store;

    TypedPasswordForgottenException(PasswordRefusedException refused, boolean writtenInUrl, Exception failure) {
        this(refusalOf(refused, writtenInUrl), writtenInUrl, refused.store(),
                writtenInUrl ? CORRECT_THE_URL + ", then try again"
                        : "try again and type it when asked", failure);
    }

    private TypedPasswordForgottenException(String refusal, boolean writtenInUrl, String store, String nextStep, Exception failure) {
        super(refusal + ": " + nextStep, failure);
        this.refusal = refusal;
        this.writtenInUrl = writtenInUrl;
        this.store = store;
    }

    /** The store whose password written in its URL was refused, as shown (password masked); none for a typed password. */
    public Optional<String> refusedInUrlOf() {
        return writtenInUrl ? Optional.of(store) : Optional.empty();
    }

    private static String refusalOf(PasswordRefusedException refused, boolean writtenInUrl) {
        return refused.store() + ": PostgreSQL refused the password " + (writtenInUrl ? "written in its URL" : "typed") + " for user " + refused.user()
                + (writtenInUrl ? "" : "; it is forgotten");
    }

    /**
     * @param typeAgain   how the user is asked again for a typed password where the failure is shown ("open the store again …")
     * @param correctUrl  how the user corrects a password written in the URL there ("go Back, correct … then Next")
     * @return {@code failure} told with that step when it is a forgotten password, else {@code failure} as it is
     */
    public static Exception toldWith(Exception failure, String typeAgain, String correctUrl) {
        return failure instanceof TypedPasswordForgottenException forgotten
                ? new TypedPasswordForgottenException(forgotten.refusal, forgotten.writtenInUrl, forgotten.store, forgotten.writtenInUrl ? correctUrl : typeAgain,
                        (Exception) forgotten.getCause())
                : failure;
    }

    /** {@code failure} told as a wizard tells it once it took the refused password out of the store's URL: it asks on Next. */
    public static Exception toldTakenOutOfTheUrl(Exception failure) {
        return toldWith(failure, ASKED_AGAIN, TAKEN_OUT_OF_THE_URL);
    }
}
