package dev.sessiondb.catalog;

import dev.sessiondb.catalog.query.QSavedStore;
import dev.sessiondb.job.StoreProbe;
import dev.sessiondb.store.StoreLocator;
import io.ebean.Database;
import io.ebean.Transaction;
import java.time.Instant;
import java.util.List;

/** The stores the user keeps in the app's list, in the user's order; never with a password. */
public final class SavedStores {

    private final Database database;

    SavedStores(Database database) {
        this.database = database;
    }

    /** The saved locators in the user's order. */
    public List<String> list() {
        return new QSavedStore(database).orderBy().position.asc().findStream().map(SavedStore::getLocator).toList();
    }

    /** Replaces the list, keeping when each store still in it was added. Passwords are dropped. */
    public void replace(List<StoreLocator> stores) {
        try (Transaction transaction = database.beginTransaction()) {
            List<String> wanted = stores.stream().map(StoreProbe::withoutPassword).distinct().toList();
            new QSavedStore(database).locator.notIn(wanted).delete();
            for (int position = 0; position < wanted.size(); position++) {
                String locator = wanted.get(position);
                SavedStore saved = new QSavedStore(database).locator.eq(locator).findOneOrEmpty().orElseGet(() -> {
                    SavedStore added = new SavedStore();
                    added.setLocator(locator);
                    added.setAddedAt(Instant.now());
                    return added;
                });
                saved.setPosition(position);
                database.save(saved);
            }
            transaction.commit();
        }
    }
}
