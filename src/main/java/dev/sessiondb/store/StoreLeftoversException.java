package dev.sessiondb.store;

import java.util.Optional;

/**
 * What a job made for a new store and could not take away when it failed (the server gone by then): empty tables that
 * hold no record. It rides on the job's failure (a suppressed exception of the staged store's close), so that the
 * failure's message names what was left and how to remove it, instead of saying the target was not changed.
 */
public final class StoreLeftoversException extends StoreException {

    private final String left;

    /**
     * @param store the store's name
     * @param left  what is left and what to do about it, as one clause
     */
    public StoreLeftoversException(String store, String left, Throwable cause) {
        super(store + ": " + left, cause);
        this.left = left;
    }

    /**
     * {@code message} (a failure's, as said to a user), with what was left and what to do when the failure carries that and
     * the message does not say it already: the leftovers ride on a suppressed exception, which a message alone does not show.
     */
    public static String told(String message, Throwable failure) {
        return in(failure).filter(left -> !message.contains(left)).map(left -> message + "; " + left).orElse(message);
    }

    /** What was left and what to do, if {@code failure}, one of its causes or their suppressed exceptions is one. */
    public static Optional<String> in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof StoreLeftoversException leftovers) {
                return Optional.of(leftovers.left);
            }
            for (Throwable suppressed : cause.getSuppressed()) {
                if (suppressed instanceof StoreLeftoversException leftovers) {
                    return Optional.of(leftovers.left);
                }
            }
        }
        return Optional.empty();
    }
}
