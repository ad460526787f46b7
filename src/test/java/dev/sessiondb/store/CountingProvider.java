package dev.sessiondb.store;

import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.sql.PostgresProvider;
import dev.sessiondb.store.sql.SqliteProvider;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wraps a built-in SQL provider and counts, per store, every time one is opened (a pool, an
 * Ebean database and a schema look each): how tests show a job opens each store once. Listed
 * in the test class path's {@code META-INF/services} with a higher priority, so every test
 * runs through it; it changes nothing else.
 */
public abstract class CountingProvider implements StoreProvider {

    private static final Map<String, AtomicInteger> OPENS = new ConcurrentHashMap<>();

    private final StoreProvider delegate;

    CountingProvider(StoreProvider delegate) {
        this.delegate = delegate;
    }

    /** How many times the store was opened since the last {@link #reset()}. */
    public static int opens(StoreLocator locator) {
        return OPENS.getOrDefault(StoreProviders.of(locator).identity(locator), new AtomicInteger()).get();
    }

    public static void reset() {
        OPENS.clear();
    }

    private void count(StoreLocator locator) {
        OPENS.computeIfAbsent(identity(locator), unused -> new AtomicInteger()).incrementAndGet();
    }

    @Override
    public int priority() {
        return 1;
    }

    @Override
    public StoreFormat format() {
        return delegate.format();
    }

    @Override
    public boolean recognises(Path existing) {
        return delegate.recognises(existing);
    }

    @Override
    public Optional<Path> storeAt(Path file) {
        return delegate.storeAt(file);
    }

    @Override
    public boolean mayBeAnExport(Path store) {
        return delegate.mayBeAnExport(store);
    }

    @Override
    public boolean claimsNewPath(Path absent) {
        return delegate.claimsNewPath(absent);
    }

    /** A store without a local path is opened to tell whether it exists: that counts. */
    @Override
    public boolean exists(StoreLocator locator) {
        if (locator.localPath().isEmpty()) {
            count(locator);
        }
        return delegate.exists(locator);
    }

    @Override
    public StoreWriterLock holdWriter(StoreLocator locator, String holder) {
        return delegate.holdWriter(locator, holder);
    }

    @Override
    public Optional<String> writerNow(StoreLocator locator) {
        return delegate.writerNow(locator);
    }

    @Override
    public String identity(StoreLocator locator) {
        return delegate.identity(locator);
    }

    @Override
    public SessionStore open(StoreLocator locator, OpenMode mode) {
        count(locator);
        return delegate.open(locator, mode);
    }

    @Override
    public Optional<SessionStore> openIfExists(StoreLocator locator) {
        count(locator);
        return delegate.openIfExists(locator);
    }

    @Override
    public Optional<SnapshotKind> snapshot(SessionStore store, Path folder) throws IOException {
        return delegate.snapshot(store, folder);
    }

    @Override
    public void restore(SnapshotKind kind, Path folder, StoreLocator locator) throws IOException {
        delegate.restore(kind, folder, locator);
    }

    @Override
    public void remove(StoreLocator locator, ProgressMonitor monitor) throws IOException {
        delegate.remove(locator, monitor);
    }

    @Override
    public Optional<String> changeMark(StoreLocator locator) {
        return delegate.changeMark(locator);
    }

    @Override
    public Optional<String> changeMarkAsBefore(StoreLocator locator) {
        return delegate.changeMarkAsBefore(locator);
    }

    @Override
    public void restore(SnapshotKind kind, Path folder, StoreLocator locator, RestoreGuard guard) throws IOException {
        delegate.restore(kind, folder, locator, guard);
    }

    @Override
    public void remove(StoreLocator locator, ProgressMonitor monitor, RestoreGuard guard) throws IOException {
        delegate.remove(locator, monitor, guard);
    }

    @Override
    public boolean placeExists(StoreLocator locator) {
        return delegate.placeExists(locator);
    }

    @Override
    public Optional<String> unfinishedCreation(StoreLocator locator) {
        return delegate.unfinishedCreation(locator);
    }

    @Override
    public void removeWithItsPlace(StoreLocator locator, ProgressMonitor monitor, RestoreGuard guard) throws IOException {
        delegate.removeWithItsPlace(locator, monitor, guard);
    }

    @Override
    public StagedStore stage(StoreLocator locator) throws IOException {
        count(locator);
        return delegate.stage(locator);
    }

    @Override
    public boolean stagesOutOfSight() {
        return delegate.stagesOutOfSight();
    }

    @Override
    public Optional<String> newStoreRefusal(StoreLocator locator) {
        return delegate.newStoreRefusal(locator);
    }

    @Override
    public StandIn standIn(StoreLocator locator, Path scratch) {
        return delegate.standIn(locator, scratch);
    }

    @Override
    public boolean takesPassword() {
        return delegate.takesPassword();
    }

    @Override
    public boolean skipsUnreadable() {
        return delegate.skipsUnreadable();
    }

    @Override
    public Optional<String> url(String text) {
        return delegate.url(text);
    }

    @Override
    public Map<String, String> params(String locator, Map<String, String> given) {
        return delegate.params(locator, given);
    }

    @Override
    public List<String> formatRefusals(SessionRecord record) {
        return delegate.formatRefusals(record);
    }

    @Override
    public Optional<String> writeRefusal(StoreLocator locator) {
        return delegate.writeRefusal(locator);
    }

    @Override
    public boolean takesUrls() {
        return delegate.takesUrls();
    }

    @Override
    public Set<StoreLayout> layoutsHeld() {
        return delegate.layoutsHeld();
    }

    @Override
    public Optional<MinskyBackend> minskyBackend(StoreLocator locator) {
        return delegate.minskyBackend(locator);
    }

    @Override
    public StoreCatalog catalog(StoreLocator locator) {
        return delegate.catalog(locator);
    }

    @Override
    public List<SchemaGap> schemaGaps(StoreLocator locator, StoreLayout layout) {
        return delegate.schemaGaps(locator, layout);
    }

    @Override
    public List<StoreFaults.Fault> damage(StoreLocator locator) {
        return delegate.damage(locator);
    }

    /** Counts SQLite opens. */
    public static final class Sqlite extends CountingProvider {
        public Sqlite() {
            super(new SqliteProvider());
        }
    }

    /** Counts PostgreSQL opens. */
    public static final class Postgres extends CountingProvider {
        public Postgres() {
            super(new PostgresProvider());
        }
    }
}
