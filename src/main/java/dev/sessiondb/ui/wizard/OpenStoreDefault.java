package dev.sessiondb.ui.wizard;

import dev.sessiondb.ui.common.CurrentStore;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Job screens start from the store on screen: its locator fills the screen's store field when
 * the screen is built and whenever another store opens, as long as the screen is still at its
 * start (a job under way keeps the stores it was given). The field never holds the password: the run
 * uses the one typed for this run, where a masked one would be taken for the password.
 */
public final class OpenStoreDefault {

    private OpenStoreDefault() {
    }

    /**
     * @param fill    puts the open store's locator (without password) into the screen's field
     * @param atStart whether the screen is at its start, so its field may change
     */
    public static void follow(CurrentStore current, Consumer<String> fill, BooleanSupplier atStart) {
        current.storeProperty().addListener((property, before, after) -> {
            if (after != null && atStart.getAsBoolean()) {
                fill.accept(after.locator().withoutPassword().display());
            }
        });
        if (current.isOpen() && atStart.getAsBoolean()) {
            fill.accept(current.store().locator().withoutPassword().display());
        }
    }
}
