package dev.sessiondb.ui.common;

import dev.sessiondb.store.RepeatedSessionsException;
import dev.sessiondb.store.StoreLocator;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Where a ViewModel takes a JSON file that does not open because sessions repeat in it: to the window's repair of the
 * repeats, once the window offers one, instead of an error that leaves a user without a command line stuck.
 */
public final class RepeatsRepair {

    private Optional<BiConsumer<StoreLocator, RepeatedSessionsException>> offer = Optional.empty();

    /** @param repair shows the file's repeats and the repair of them */
    public void offerWith(BiConsumer<StoreLocator, RepeatedSessionsException> repair) {
        offer = Optional.of(repair);
    }

    /** Whether {@code failure} was repeated sessions and went to the repair; otherwise the caller says what failed. */
    public boolean took(StoreLocator locator, Exception failure) {
        if (failure instanceof RepeatedSessionsException repeated && repeated.byHand().isEmpty() && offer.isPresent()) {
            offer.get().accept(locator, repeated);
            return true;
        }
        return false;
    }
}
