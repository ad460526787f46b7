package dev.sessiondb.validation;

import dev.sessiondb.store.StoreFaults;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.StoreProviders;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A store its own engine finds damaged (SQLite's quick_check), a folder store's files that do
 * not read as sessions, or a native SQL store's records whose text does not read, one finding each, as its provider tells: a SQLite file with a page cut in
 * half reads as if whole, short of the records on that page. The check
 * reads every page, so it runs on a thread and connection of its own beside the record passes.
 */
final class StoreDamageCheck implements Check {

    private final StoreLocator locator;
    /** The damaged records the store read leaves out, which only a read of their text finds ({@link dev.sessiondb.store.SessionStore#skippedDamage}). */
    private final List<StoreFaults.Fault> skipped;
    private CompletableFuture<List<StoreFaults.Fault>> damage;

    StoreDamageCheck(StoreLocator locator, List<StoreFaults.Fault> skipped) {
        this.locator = locator;
        this.skipped = List.copyOf(skipped);
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
        Stream.concat(found.stream(), skipped.stream()).forEach(fault -> findings.accept(Finding.of(this, Severity.ERROR, null, fault.what(), fault.todo())));
    }
}
