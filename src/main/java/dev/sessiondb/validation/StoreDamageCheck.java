package dev.sessiondb.validation;

import dev.sessiondb.store.StoreFaults;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.StoreProviders;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * A store its own engine finds damaged (SQLite's quick_check), or a folder store's files that do
 * not read as sessions, one finding each, as its provider tells: a SQLite file with a page cut in
 * half reads as if whole, short of the records on that page. The check
 * reads every page, so it runs on a thread and connection of its own beside the record passes.
 */
final class StoreDamageCheck implements Check {

    private final StoreLocator locator;
    private CompletableFuture<List<StoreFaults.Fault>> damage;

    StoreDamageCheck(StoreLocator locator) {
        this.locator = locator;
    }

    @Override
    public String name() {
        return "store-damage";
    }

    @Override
    public void start() {
        damage = CompletableFuture.supplyAsync(() -> StoreProviders.of(locator).damage(locator), task -> {
            Thread thread = new Thread(task, "store-damage-check");
            // a run stopped early leaves nothing waiting for it: the check only reads
            thread.setDaemon(true);
            thread.start();
        });
    }

    @Override
    public void finish(Consumer<Finding> findings) {
        List<StoreFaults.Fault> found;
        try {
            found = damage.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        found.forEach(fault -> findings.accept(Finding.of(this, Severity.ERROR, null, fault.what(), fault.todo())));
    }
}
