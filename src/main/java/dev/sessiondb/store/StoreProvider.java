package dev.sessiondb.store;

import dev.sessiondb.files.AtomicFiles;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything one store format knows: how its locators and files are recognised, whether a
 * store exists, how it opens, how it is snapshotted and put back, and how a new store is built
 * so it appears complete or not at all. Jobs, validation, discovery and the shells ask a
 * provider (through {@link StoreProviders}) and never the format itself; a new backend is a new
 * package with one provider, listed in {@code META-INF/services}.
 */
public interface StoreProvider {

    StoreFormat format();

    /**
     * Of two providers for one format, the one with the higher priority is used: a site or a
     * test can wrap a built-in backend (priority 0) without replacing its jar.
     */
    default int priority() {
        return 0;
    }

    /**
     * The address of a store this backend keeps on a server or in a bucket, when {@code text} (a
     * locator without its query) is a URL it takes (a PostgreSQL backend: {@code postgresql://},
     * {@code postgres://}, {@code jdbc:postgresql://}), normalised; a malformed one of its URLs is
     * refused here. Such a store has no local path: its locator is the URL, shown with any
     * password masked. Empty for backends of files and folders, whose locators are paths.
     */
    default Optional<String> url(String text) {
        return Optional.empty();
    }

    /**
     * A URL's query parameters as this backend reads them: a parameter another tool spells its own
     * way is folded into this tool's, and one that would be ignored unsaid is refused with what to
     * write instead. {@code locator} is the text as given, for the message (its password is masked there).
     */
    default Map<String, String> params(String locator, Map<String, String> given) {
        return given;
    }

    /**
     * The layouts {@code --layout} (or {@code ?layout=}) may name for a store of this format; another is refused, not ignored:
     * a JSON file given {@code --layout chat} was written in its one layout without a word.
     */
    default Set<StoreLayout> layoutsHeld() {
        return EnumSet.allOf(StoreLayout.class);
    }

    /** Whether this backend's locators are URLs ({@link #url}) rather than paths on this machine. */
    default boolean takesUrls() {
        return false;
    }

    /**
     * An entry in the store's place that is not the store's own (a folder store's readme among its session files), which a
     * write would leave strewn among the sessions; the first such by name. Empty for a backend whose store is one file or a server.
     */
    default Optional<Path> foreignEntry(StoreLocator locator) {
        return Optional.empty();
    }

    /** Whether an existing file or directory holds a store of this format, told by its content. */
    boolean recognises(Path existing);

    /**
     * The store of this format that writing over {@code file} would replace or damage: the file
     * itself when its content is one (an empty file holds nothing yet), or the store a side file of
     * this format belongs to. Empty when no store of this format is at stake.
     */
    default Optional<Path> storeAt(Path file) {
        return Files.isRegularFile(file) && !AtomicFiles.isEmptyFile(file) && recognises(file) ? Optional.of(file) : Optional.empty();
    }

    /**
     * Whether a file {@link #storeAt} names as a store of this format may rather be what an export wrote (the window's export
     * of the sessions a table shows is a JSON array of records): an export asked to replace it then does so after a backup
     * of it. False (the default) when the format cannot tell: such a file is never replaced by an export.
     */
    default boolean mayBeAnExport(Path store) {
        return false;
    }

    /** Whether a path that does not exist yet names a new store of this format, told by its name. */
    boolean claimsNewPath(Path absent);

    /** Files: the path exists. A server: the store opens without being created. */
    boolean exists(StoreLocator locator);

    /** What every locator of one store shares: the real path, or the server, database and schema. */
    String identity(StoreLocator locator);

    /**
     * Opens a store. {@link OpenMode#EXISTING} never changes it (no schema migration, no
     * persistent pragma); a write upgrades an older schema first.
     */
    SessionStore open(StoreLocator locator, OpenMode mode);

    /**
     * Opens an existing store that a job is about to read every record of: a file store may
     * check the file during that read instead of reading it once more before (its count, pages
     * and writes still check it first).
     */
    default SessionStore openToReadThrough(StoreLocator locator) {
        return open(locator, OpenMode.EXISTING);
    }

    /**
     * Opens an existing store to be looked at, not read through nor written: its count, and its kinds where few. A file store may
     * check the file more cheaply than for a store whose pages are read (the JSON file keeps no key index).
     */
    default SessionStore openToLook(StoreLocator locator) {
        return open(locator, OpenMode.EXISTING);
    }

    /**
     * Opens the store for reading when it exists, else nothing: one open, where asking
     * {@link #exists} first would open a server store twice.
     */
    default Optional<SessionStore> openIfExists(StoreLocator locator) {
        return exists(locator) ? Optional.of(open(locator, OpenMode.EXISTING)) : Optional.empty();
    }

    /**
     * Copies an existing store as it is into {@code folder}, consistently even while it is open.
     *
     * @return how the copy was taken, or empty when the format has no copy of its own: the caller
     *         then exports the records, and {@link #restore} is never asked for that kind
     */
    Optional<SnapshotKind> snapshot(SessionStore store, Path folder) throws IOException;

    /** Puts a snapshot this provider took back in place of the store, atomically. */
    void restore(SnapshotKind kind, Path folder, StoreLocator locator) throws IOException;

    /** Undoes the creation of a store: files go, a server store is emptied in one transaction. */
    void remove(StoreLocator locator, ProgressMonitor monitor) throws IOException;

    /**
     * A look at the store that changes with every write to it, by anyone, and never reads a record:
     * its files' sizes and times ("absent" when there are none), or a server's own counts of the rows
     * written to its tables. Empty when the backend keeps none; a server store's restore writes
     * records under its fingerprint check ({@link RestoreGuard#guard}) whether or not it has one.
     *
     * @throws StoreException when the store cannot be looked at (a server that does not answer), naming why
     */
    default Optional<String> changeMark(StoreLocator locator) {
        return Optional.empty();
    }

    /**
     * The store's change mark now as an earlier sessiondb took it, where {@link #changeMark} took it otherwise then (a SQLite
     * file in WAL mode, marked by its files before): a job that version recorded still compares. Empty where the mark is as it was.
     *
     * @throws StoreException when the store cannot be looked at, naming why
     */
    default Optional<String> changeMarkAsBefore(StoreLocator locator) {
        return Optional.empty();
    }

    /**
     * {@link #restore(SnapshotKind, Path, StoreLocator)}, only if the store is still as {@code guard}
     * saw it: a provider with a lock compares under it, immediately before its atomic step. This
     * default, for a backend that knows no lock, compares just before.
     *
     * @throws StoreChangedException when another program wrote to the store since; nothing was restored
     */
    default void restore(SnapshotKind kind, Path folder, StoreLocator locator, RestoreGuard guard) throws IOException {
        requireUnchanged(locator, guard);
        restore(kind, folder, locator);
    }

    /** {@link #remove(StoreLocator, ProgressMonitor)}, only if the store is still as {@code guard} saw it (see {@link #restore(SnapshotKind, Path, StoreLocator, RestoreGuard)}). */
    default void remove(StoreLocator locator, ProgressMonitor monitor, RestoreGuard guard) throws IOException {
        requireUnchanged(locator, guard);
        remove(locator, monitor);
    }

    /**
     * What an earlier job of ours left at this absent store's place and never finished (a server's empty tables), which a job
     * creating the store removes first, as one clause for its plan; empty where there is none, or the format leaves nothing.
     */
    default Optional<String> unfinishedCreation(StoreLocator locator) {
        return Optional.empty();
    }

    /**
     * Whether the place a new store at {@code locator} goes into exists already (a PostgreSQL schema): a job that makes it
     * records so, and its undo takes it away too ({@link #removeWithItsPlace}). True where the format has no such place.
     *
     * @throws StoreException when the server cannot be asked, naming why
     */
    default boolean placeExists(StoreLocator locator) {
        return true;
    }

    /**
     * {@link #remove(StoreLocator, ProgressMonitor, RestoreGuard)}, then the place the store went into when the job made that
     * too ({@link #placeExists}) and nothing else is left in it.
     */
    default void removeWithItsPlace(StoreLocator locator, ProgressMonitor monitor, RestoreGuard guard) throws IOException {
        remove(locator, monitor, guard);
    }

    private void requireUnchanged(StoreLocator locator, RestoreGuard guard) {
        guard.requireMark(() -> changeMark(locator).orElse(""));
    }

    /** Starts building a new store that appears at its locator complete, or not at all. */
    StagedStore stage(StoreLocator locator) throws IOException;

    /**
     * Takes the store's writer lock for {@code holder} (a run, named as a refusal quotes it) for a whole write, or refuses at
     * once: a lock file beside a file or folder store; a server store overrides it ({@link StoreWriterLock}).
     *
     * @throws StoreBusyException when another run holds it; nothing was changed
     */
    default StoreWriterLock holdWriter(StoreLocator locator, String holder) {
        return locator.localPath().map(path -> StoreWriterLock.holdFile(path, locator.display(), holder)).orElse(() -> { });
    }

    /**
     * The run that holds the store's writer lock now, if one does, as a refusal names it (empty when it has not named itself
     * yet): a look that takes nothing a writer could meet, asked before a job plans.
     */
    default Optional<String> writerNow(StoreLocator locator) {
        return locator.localPath().flatMap(StoreWriterLock::holderOfFile);
    }

    /**
     * Whether a staged store stays out of everyone's sight until {@link StagedStore#commit()}
     * (a file built beside its final name), so that a job may still decide against it after
     * writing it; false where the write itself makes the store appear (one server transaction).
     */
    default boolean stagesOutOfSight() {
        return false;
    }

    /**
     * An empty store standing in for an absent one while a job plans, in {@code scratch}: same
     * layout, so it answers which fields it cannot hold.
     *
     * @return the stand-in's locator and, when it is only an estimate, what the user should know
     */
    StandIn standIn(StoreLocator locator, Path scratch);

    /**
     * Why a store of this format refuses a record whatever its layout (PostgreSQL: a value too long
     * for its index), one line each: asked of a plan's stand-in for a new store, which has another format.
     */
    default List<String> formatRefusals(SessionRecord record) {
        return List.of();
    }

    /**
     * Why the user may not write this store, existing or new, asked before a plan approves the
     * write (a PostgreSQL role without INSERT on its table, or CREATE on its schema), if so: the
     * store's name first, then what is missing and what to do. Empty when it may, or when only the write can tell.
     */
    default Optional<String> writeRefusal(StoreLocator locator) {
        return Optional.empty();
    }

    /**
     * Why a new store at this locator is refused before anything is planned or written (a new
     * Minsky-layout PostgreSQL database, which Minsky's migrator would reject; ADR 0011), if it is.
     */
    default Optional<String> newStoreRefusal(StoreLocator locator) {
        return Optional.empty();
    }

    /**
     * The folder every file of which may belong to the store (a folder of session files), when
     * the store is one: a store inside it would be read or written as part of it.
     */
    default Optional<Path> folderOf(StoreLocator locator) {
        return Optional.empty();
    }

    /**
     * Whether {@link SessionStore#skippingUnreadable()} can leave parts of this format's stores out (a folder's files that
     * do not read as sessions, a SQL store's damaged records); false where a store is always read whole (a JSON file).
     */
    default boolean skipsUnreadable() {
        return false;
    }

    /** True when opening the store may need a password the user types (a server login); file stores need none. */
    default boolean takesPassword() {
        return false;
    }

    /** How Minsky is pointed at this store; empty when Minsky cannot read stores of this format. */
    default Optional<MinskyBackend> minskyBackend(StoreLocator locator) {
        return Optional.empty();
    }

    /** The tables and columns of the store's database, read without opening it as a session store; {@link StoreCatalog#NONE} for files. */
    default StoreCatalog catalog(StoreLocator locator) {
        return StoreCatalog.NONE;
    }

    /**
     * Columns the tool owning {@code layout} writes that the store's table lacks: a write by
     * that tool would silently drop those values. Empty when the format cannot tell.
     */
    default List<SchemaGap> schemaGaps(StoreLocator locator, StoreLayout layout) {
        return List.of();
    }

    /**
     * What the store's own engine finds damaged in it (SQLite's quick_check), or each part of it
     * that does not read as a session (a folder store's file), told as faults with what to do;
     * empty when it finds nothing or the format has no such check. It reads the whole store on a
     * connection of its own, so a caller may run it beside a read of the records.
     */
    default List<StoreFaults.Fault> damage(StoreLocator locator) {
        return List.of();
    }

    /** What a provider offers while planning for a store that does not exist yet. */
    record StandIn(StoreLocator locator, Optional<String> note) {
    }

    /**
     * How a provider copied a store, kept in the backup's manifest by its id and handed back to
     * {@link #restore}. A backend names its own kinds; the built-in ones have constants.
     */
    record SnapshotKind(String id) {
        /** The store's file, copied as it was. */
        public static final SnapshotKind FILE = new SnapshotKind("file");
        /** The store's directory, copied file by file. */
        public static final SnapshotKind DIRECTORY = new SnapshotKind("directory");
        /** A consistent copy made by SQLite itself, never a raw copy of a live WAL file. */
        public static final SnapshotKind SQLITE = new SnapshotKind("sqlite");
    }
}
