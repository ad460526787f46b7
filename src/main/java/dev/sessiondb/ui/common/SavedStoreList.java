package dev.sessiondb.ui.common;

import dev.sessiondb.catalog.Catalog;
import dev.sessiondb.catalog.CatalogException;
import dev.sessiondb.catalog.SavedStores;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreLocator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stores the user saved, in the user's order, kept in the app's catalog and never with a
 * password. Earlier versions kept them in the settings file: that list is moved into the catalog
 * on the first start, and the settings file holds it no longer. The catalog is opened for each
 * change and closed again, as the journal's recorder does, so the window holds no lock on it.
 * The first open of the catalog in a JVM takes most of a second (its ORM and migrations start),
 * so the list is read by {@link #load}, and changed, on a background thread; a change reads it
 * first, so it never replaces a list it has not seen. A catalog that cannot be read does not
 * stop the window: the settings file's list is shown, and a change to the list then fails with
 * the catalog's message.
 */
public final class SavedStoreList {

    private static final Logger LOG = LoggerFactory.getLogger(SavedStoreList.class);

    private final Path catalogFolder;
    private final SettingsStore settings;
    /** Replaced whole, never changed in place: the FX thread reads it without waiting for a load or change under way. */
    private volatile List<String> locators;
    private boolean loaded;

    /** @param catalogFolder the folder of the app's catalog (the backup journal's); nothing is read yet */
    public SavedStoreList(Path catalogFolder, SettingsStore settings) {
        this.catalogFolder = catalogFolder;
        this.settings = settings;
        this.locators = settings.get().savedStores();
    }

    /** Reads the list from the catalog, once, moving the settings file's older list into it; then as {@link #list}. */
    public synchronized List<String> load() {
        if (loaded) {
            return locators;
        }
        loaded = true;
        List<String> older = settings.get().savedStores();
        try {
            locators = withCatalog(saved -> {
                if (!older.isEmpty()) {
                    Set<String> merged = new LinkedHashSet<>(saved.list());
                    merged.addAll(older);
                    saved.replace(parseable(merged));
                }
                return saved.list();
            });
        } catch (CatalogException unreadable) {
            LOG.warn("The saved stores are shown from the settings file: {}", unreadable.getMessage());
            return locators;
        }
        if (!older.isEmpty()) {
            settings.update(state -> state.withSavedStores(List.of()));
        }
        return locators;
    }

    /** The saved locators (without passwords) in the user's order: the settings file's until {@link #load} has read the catalog. */
    public List<String> list() {
        return locators;
    }

    /** Saves a store at the end of the list, without its password; a store already saved keeps its place. */
    public synchronized void add(StoreLocator store) {
        load();
        List<StoreLocator> stores = new ArrayList<>(parseable(locators));
        stores.add(store);
        locators = withCatalog(saved -> {
            saved.replace(stores);
            return saved.list();
        });
    }

    /** Takes a store off the list; the store itself is untouched. */
    public synchronized void remove(String locator) {
        load();
        List<String> kept = locators.stream().filter(saved -> !saved.equals(locator)).toList();
        locators = withCatalog(saved -> {
            saved.replace(parseable(kept));
            return saved.list();
        });
    }

    /** @throws CatalogException when the catalog cannot be opened, read or written, naming its file */
    private <T> T withCatalog(Function<SavedStores, T> work) {
        try (Catalog catalog = Catalog.open(catalogFolder)) {
            return work.apply(catalog.savedStores());
        } catch (CatalogException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new CatalogException("cannot keep the saved stores in " + catalogFolder.resolve(Catalog.FILE_NAME) + " (" + e.getMessage() + ")", e);
        }
    }

    /** Locators that no longer parse (a scheme this build lacks) are dropped, as the list never showed them. */
    private static List<StoreLocator> parseable(Iterable<String> texts) {
        List<StoreLocator> stores = new ArrayList<>();
        for (String text : texts) {
            parse(text).ifPresent(stores::add);
        }
        return stores;
    }

    private static Optional<StoreLocator> parse(String text) {
        try {
            return Optional.of(StoreLocator.parse(text));
        } catch (StoreException | IllegalArgumentException unusable) {
            return Optional.empty();
        }
    }
}
