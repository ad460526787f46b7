package dev.sessiondb.validation;

import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.store.StoreFaults;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.StoreProviders;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * A store its own engine finds damaged (SQLite's quick_check), a folder store's files that do
 * not read as sessions, or a native SQL store's records whose text does not read, one finding each, as its provider tells
 * or as the record pass meets them: a SQLite file with a page cut in
 * half reads as if whole, short of the records on that page. The check
 * reads every page, so it runs on a thread and connection of its own beside the record passes.
 */
final class StoreDamageCheck implements Check {

    private final StoreLocator locator;
    /** The damaged records the store read leaves out, which only a read of their text finds ({@link dev.sessiondb.store.SessionStore#skippedDamage}). */
    private final List<SessionRecord> skipped;
    private CompletableFuture<List<StoreFaults.Fault>> damage;

    StoreDamageCheck(StoreLocator locator, List<SessionRecord> skipped) {
        this.locator = locator;
        this.skipped = List.copyOf(skipped);
    }

    @Override
    public String name() {
        return Checks.STORE_DAMAGE;
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

    /** A damaged record's stand-in, met by the pass ({@link dev.sessiondb.store.SessionStore#markingUnreadable}) or left out by the scan, is named with its session. */
    @Override
    public void inspect(SessionRecord record, Consumer<Finding> findings) {
        record.damage().ifPresent(damage -> findings.accept(Finding.of(this, Severity.ERROR, record.key(), damage.what(), damage.todo())));
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
        skipped.forEach(record -> inspect(record, findings));
    }
}
