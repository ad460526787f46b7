package dev.sessiondb.store.sql;

import dev.sessiondb.model.SecretMasker;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.MinskyBackend;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.ReadAlongside;
import dev.sessiondb.store.RestoreGuard;
import dev.sessiondb.store.SchemaGap;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StagedStore;
import dev.sessiondb.store.StoreCatalog;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreFaultException;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreLayout;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.StoreProvider;
import dev.sessiondb.store.StoreWriterLock;
import dev.sessiondb.store.WriteBatch;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * PostgreSQL stores: a schema of a database on a server. Never recognised from a path; a
 * snapshot is the records (the journal exports them), a new store is filled in one transaction.
 */
public final class PostgresProvider implements StoreProvider {

    @Override
    public Set<StoreLayout> layoutsHeld() {
        return SqlStores.LAYOUTS_HELD;
    }

    @Override
    public StoreFormat format() {
        return StoreFormat.POSTGRESQL;
    }

    @Override
    public boolean takesPassword() {
        return true;
    }

    /** libpq's spellings of a PostgreSQL URL, all kept as {@code postgresql://}. */
    private static final List<String> URL_PREFIXES = List.of("jdbc:postgresql://", "postgresql://", "postgres://");

    @Override
    public Optional<String> url(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return URL_PREFIXES.stream().filter(lower::startsWith).findFirst()
                .map(prefix -> requireWellFormed("postgresql://" + text.substring(prefix.length()), text));
    }

    /** Where a JDBC or libpq URL names the schema to work in: each is the store's schema, as {@code ?schema=} is. */
    private static final Pattern SEARCH_PATH_OPTION = Pattern.compile("(?:-c\\s*|--)search_path=(\\S+)");

    /**
     * A host name holding an '_', as Docker Compose names a service ({@code my_db}), which libpq and the driver connect to but
     * {@link java.net.URI} does not call a host; with a port of digits only, so that no password cut at a '/' passes for one.
     */
    private static final Pattern HOST_WITH_UNDERSCORE = Pattern.compile("[A-Za-z0-9.-]*_[A-Za-z0-9._-]*(:[0-9]+)?");

    /** Why a port is refused; it is not quoted, as text after a ':' may be part of a password written unencoded. */
    private static final String PORT_NO_NUMBER = "the port after the host is not a number from 1 to 65535; a password holding"
            + " '/', '@', '?' or '#' must be percent-encoded";

    /**
     * {@code ?schema=} as given, or else the schema the driver's {@code currentSchema=} or libpq's
     * {@code options=-c search_path=} names: these were ignored, and a store was read and created in {@code public}.
     * Two that differ, or a search path of several schemas, are refused rather than one chosen.
     */
    @Override
    public Map<String, String> params(String locator, Map<String, String> given) {
        Map<String, String> named = new LinkedHashMap<>();
        Optional.ofNullable(given.get("schema")).ifPresent(schema -> named.put("?schema=", schema));
        Optional.ofNullable(given.get("currentSchema")).ifPresent(schema -> named.put("currentSchema=", schema));
        Optional.ofNullable(given.get("options")).map(SEARCH_PATH_OPTION::matcher).filter(Matcher::find)
                .ifPresent(option -> named.put("options=-c search_path=", option.group(1)));
        String shown = SecretMasker.maskUrlPasswords(locator);
        named.forEach((where, schema) -> {
            if (schema.contains(",")) {
                throw new StoreException(shown + ": " + where + schema + " names several schemas; a store lives in one: write ?schema=S");
            }
        });
        Set<String> schemas = named.values().stream().map(PostgresProvider::unquoted).collect(Collectors.toCollection(LinkedHashSet::new));
        if (schemas.size() > 1) {
            throw new StoreException(shown + ": " + named.entrySet().stream().map(entry -> entry.getKey() + entry.getValue())
                    .collect(Collectors.joining(" and ")) + " name different schemas; give the store's schema once, as ?schema=S");
        }
        if (schemas.isEmpty()) {
            return given;
        }
        Map<String, String> params = new LinkedHashMap<>(given);
        params.remove("currentSchema");
        params.put("schema", schemas.iterator().next());
        return params;
    }

    /** A schema as the driver passes it on: {@code "Team"} is the schema Team. */
    private static String unquoted(String schema) {
        return schema.length() > 1 && schema.startsWith("\"") && schema.endsWith("\"") ? schema.substring(1, schema.length() - 1) : schema;
    }

    @Override
    public boolean takesUrls() {
        return true;
    }

    /**
     * A URL the driver could only fail on later, after a wait for a host that does not exist, is refused here, named as
     * {@code typed} (postgres://, jdbc:postgresql://), its password masked.
     */
    private static String requireWellFormed(String url, String typed) {
        String shown = SecretMasker.maskUrlPasswords(typed);
        if (passwordHoldsAnAt(url)) {
            // libpq (psql, Minsky) takes the first '@' as the host's start, so guessing the last one would make the same
            // locator name two servers
            throw new StoreException(shown + ": the password holds an '@', so where the host starts"
                    + " is unclear; percent-encode the password (%40 for @, %2F for /, %3F for ?) or put it in"
                    + " PGPASSWORD or ~/.pgpass");
        }
        try {
            URI uri = new URI(url);
            // libpq takes an empty host (postgresql://user@/db) as PGHOST or the default; anything else must parse as a host
            String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority();
            String hostAndPort = authority.substring(authority.lastIndexOf('@') + 1);
            if (portIsNoNumber(hostAndPort)) {
                throw new URISyntaxException(url, PORT_NO_NUMBER);
            }
            if (uri.getHost() == null && !hostAndPort.isEmpty() && !hostAndPort.startsWith(":") && !HOST_WITH_UNDERSCORE.matcher(hostAndPort).matches()) {
                throw new URISyntaxException(url, "no host name");
            }
            return url;
        } catch (URISyntaxException malformed) {
            // java.net.URI refuses a bracketed IPv6 host's bad port ([::1]:abc) in its own words, before the check above
            String reason = portIsNoNumber(hostAndPortAsWritten(url)) ? PORT_NO_NUMBER
                    // java.net.URI's words for a URL that ends at its '//', "Expected authority", name nothing a user wrote
                    : url.substring(url.indexOf("//") + 2).isEmpty() ? "nothing follows '//', neither host nor database" : malformed.getReason();
            throw new StoreException(shown + ": not a valid PostgreSQL URL (" + reason
                    + "); write postgresql://user@host:port/database, with special characters percent-encoded");
        }
    }

    /** The text between {@code //} and the path, after the user: what a URL that does not parse names as its host and port. */
    private static String hostAndPortAsWritten(String url) {
        int start = url.indexOf("//") + 2;
        int end = start;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        String authority = url.substring(start, end);
        return authority.substring(authority.lastIndexOf('@') + 1);
    }

    /** A port given after the host ({@code host:PORT}, {@code [::1]:PORT}) that is no port number; an empty one is the default. */
    private static boolean portIsNoNumber(String hostAndPort) {
        int colon = hostAndPort.startsWith("[") ? hostAndPort.indexOf("]:") + 1 : hostAndPort.lastIndexOf(':');
        if (colon <= 0 || colon == hostAndPort.length() - 1) {
            return false;
        }
        String port = hostAndPort.substring(colon + 1);
        return !port.matches("\\d{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535;
    }

    /** A user's password ({@code user:password@}) followed by a second '@' further along the URL. */
    private static boolean passwordHoldsAnAt(String url) {
        int firstAt = url.indexOf('@');
        int colon = url.indexOf(':', "postgresql://".length());
        return colon >= 0 && colon < firstAt && url.indexOf('@', firstAt + 1) >= 0;
    }

    /** The URL as {@link StoreLocator#display()} shows it, so a password is masked, without sessiondb's own parameters. */
    @Override
    public Optional<MinskyBackend> minskyBackend(StoreLocator locator) {
        String url = locator.display().replaceFirst("\\?.*$", "");
        List<String> notes = url.contains(SecretMasker.MASK)
                ? List.of("Put the password where " + SecretMasker.MASK + " stands (or in ~/.pgpass); it is never printed.") : List.of();
        return Optional.of(new MinskyBackend("postgres", "MINSKY_SESSIONDB_POSTGRES_URL", "postgres", "connectionString", url, notes, true));
    }

    @Override
    public boolean recognises(Path existing) {
        return false;
    }

    @Override
    public boolean claimsNewPath(Path absent) {
        return false;
    }

    /** The store opens without being created: the server, database, schema and sessions table are there. */
    @Override
    public boolean exists(StoreLocator locator) {
        Optional<SessionStore> store = openIfExists(locator);
        store.ifPresent(SessionStore::close);
        return store.isPresent();
    }

    @Override
    public Optional<SessionStore> openIfExists(StoreLocator locator) {
        if (holdsNoStore(locator)) {
            return Optional.empty();
        }
        try {
            return Optional.of(open(locator, OpenMode.EXISTING));
        } catch (StoreException absent) {
            return Optional.empty();
        }
    }

    /**
     * Whether the store's schema has no table at all (or its database or schema does not exist), or only the empty tables
     * of an unfinished creation of ours ({@link UnfinishedCreation}), which the next creation removes; asked on one plain
     * connection: a job asks this of a new target several times, and each full open builds a pool and reads the catalogue
     * first. A server that cannot be reached or refuses the user is an error, never an absent store: an undo took a backup
     * of such a store as absent, and the next undo emptied it.
     */
    private static boolean holdsNoStore(StoreLocator locator) {
        try (Connection connection = SqlCatalog.connect(locator, Dialect.POSTGRESQL)) {
            Set<String> tables = Dialect.POSTGRESQL.tables(connection);
            if (!tables.contains("sessions")) {
                // a table this user may not read is not listed: such a store is there, not absent
                PgPrivileges.readRefusal(connection, locator).ifPresent(refusal -> {
                    throw new StoreFaultException(locator.display(), refusal, null);
                });
            }
            return tables.isEmpty() || UnfinishedCreation.in(connection).isPresent();
        } catch (SQLException e) {
            if ("3D000".equals(e.getSQLState())) {
                return true;
            }
            throw PgErrors.describe(locator, PgCredentials.resolve(locator), e);
        }
    }

    /** See {@link PostgresChangeMark}; a restore still compares under the table's lock by fingerprint ({@link #remove}, {@link RestoreGuard#guard}). */
    @Override
    public Optional<String> changeMark(StoreLocator locator) {
        try {
            return PostgresChangeMark.of(locator);
        } catch (SQLException e) {
            throw PgErrors.describe(locator, PgCredentials.resolve(locator), e);
        }
    }

    @Override
    public StoreWriterLock holdWriter(StoreLocator locator, String holder) {
        try {
            return PostgresWriterLock.hold(locator, identity(locator), holder);
        } catch (SQLException e) {
            throw PgErrors.describe(locator, PgCredentials.resolve(locator), e);
        }
    }

    @Override
    public Optional<String> writerNow(StoreLocator locator) {
        try {
            return PostgresWriterLock.holderNow(locator, identity(locator));
        } catch (SQLException e) {
            throw PgErrors.describe(locator, PgCredentials.resolve(locator), e);
        }
    }

    @Override
    public String identity(StoreLocator locator) {
        String url = locator.target().replaceFirst("//[^@/]*@", "//");
        return url.toLowerCase(Locale.ROOT) + "|" + locator.param("schema").orElse("public");
    }

    @Override
    public boolean skipsUnreadable() {
        return true;
    }

    @Override
    public SessionStore open(StoreLocator locator, OpenMode mode) {
        return SqlStores.openPostgres(locator, mode);
    }

    @Override
    public Optional<SnapshotKind> snapshot(SessionStore store, Path folder) {
        return Optional.empty();
    }

    @Override
    public void restore(SnapshotKind kind, Path folder, StoreLocator locator) {
        throw new IllegalStateException("a PostgreSQL store is backed up as its records, never as a " + kind + " snapshot");
    }

    @Override
    public void remove(StoreLocator locator, ProgressMonitor monitor) {
        remove(locator, monitor, RestoreGuard.none(locator));
    }

    /**
     * Empties the tables in one transaction, compared under their lock with the fingerprint undo took; then drops them
     * ({@link PostgresCreation#dropEmptied}). The schema, which was there before the job, stays.
     */
    @Override
    public void remove(StoreLocator locator, ProgressMonitor monitor, RestoreGuard guard) {
        remove(locator, monitor, guard, false);
    }

    /** As {@link #remove(StoreLocator, ProgressMonitor, RestoreGuard)}, then the schema the job made, when nothing else is left in it. */
    @Override
    public void removeWithItsPlace(StoreLocator locator, ProgressMonitor monitor, RestoreGuard guard) {
        remove(locator, monitor, guard, true);
    }

    private void remove(StoreLocator locator, ProgressMonitor monitor, RestoreGuard guard, boolean schemaToo) {
        if (exists(locator)) {
            List<String> tables;
            try (SqlSessionStore target = SqlStores.openPostgres(locator, OpenMode.EXISTING)) {
                target.write(guard.guard(WriteBatch.replaceAll(Collections.emptyIterator(), 0)), monitor);
                tables = target.tablesWritten();
            }
            PostgresCreation.dropEmptied(locator, tables, schemaToo);
        }
    }

    /**
     * Whether the store's schema exists; a database that does not exist has none (the job makes no database), and one an
     * unfinished creation of ours made, holding nothing else, is removed with it by the next creation.
     */
    @Override
    public boolean placeExists(StoreLocator locator) {
        return PostgresCreation.schemaExists(locator) && unfinishedCreation(locator, UnfinishedCreation::madeTheSchema).isEmpty();
    }

    /** What an unfinished creation of ours left in the store's schema, which a job that creates the store there removes first. */
    @Override
    public Optional<String> unfinishedCreation(StoreLocator locator) {
        return unfinishedCreation(locator, unfinished -> true).map(unfinished -> "the target holds only the empty tables an earlier job made and never"
                + " finished (" + unfinished.tablesNamed() + (unfinished.madeTheSchema() ? ", in the schema it made" : "")
                + "): they are removed as the new store is made");
    }

    private static Optional<UnfinishedCreation> unfinishedCreation(StoreLocator locator, Predicate<UnfinishedCreation> which) {
        try (Connection connection = SqlCatalog.connect(locator, Dialect.POSTGRESQL)) {
            return UnfinishedCreation.in(connection).filter(which);
        } catch (SQLException e) {
            if ("3D000".equals(e.getSQLState())) {
                return Optional.empty();
            }
            throw PgErrors.describe(locator, PgCredentials.resolve(locator), e);
        }
    }

    /**
     * The schema and table are created empty; the records arrive in the one transaction of the
     * write, held open until {@link StagedStore#commit()}: until then nobody sees them, and
     * closing without a commit rolls them back and drops the tables (and the schema) made for them.
     */
    @Override
    public StagedStore stage(StoreLocator locator) {
        PostgresCreation creation = PostgresCreation.before(locator);
        SqlSessionStore store = SqlStores.openPostgres(locator, OpenMode.STAGED);
        store.holdWrites();
        AtomicBoolean settled = new AtomicBoolean(); // committed, or what was made for it taken away
        return new StagedStore() {
            @Override
            public SessionStore store() {
                return store;
            }

            @Override
            public boolean placedBeforeReadAlongside() {
                return true;
            }

            /** The rows are committed first, then the indexes are built while the rows are read; see {@link PendingRebuild}. */
            @Override
            public void commit(Consumer<SessionStore> readAlongside) {
                store.commitHeldWrite(connection -> {
                    UnfinishedCreation.clear(connection);
                    return null;
                });
                settled.set(true);
                try (ReadAlongside reading = ReadAlongside.start(readAlongside, () -> SqlStores.openPostgres(locator, OpenMode.EXISTING))) {
                    store.finishRebuild(() -> { });
                    reading.join();
                }
                store.close();
            }

            /** Without a commit the rows roll back; the empty tables (and the schema) made for them go too. */
            @Override
            public void close() {
                store.close();
                if (settled.compareAndSet(false, true)) {
                    creation.takeAway(store.tablesWritten());
                }
            }
        };
    }

    @Override
    public boolean stagesOutOfSight() {
        return true;
    }

    @Override
    public List<String> formatRefusals(SessionRecord record) {
        return SqlRefusals.ofPostgres(record);
    }

    @Override
    public Optional<String> writeRefusal(StoreLocator locator) {
        try (Connection connection = SqlCatalog.connect(locator, Dialect.POSTGRESQL)) {
            return PgPrivileges.writeRefusal(connection, locator).map(fault -> locator.display() + ": " + fault.what() + "; " + fault.todo());
        } catch (SQLException e) {
            if ("3D000".equals(e.getSQLState())) {
                return Optional.empty();
            }
            throw PgErrors.describe(locator, PgCredentials.resolve(locator), e);
        }
    }

    @Override
    public Optional<String> newStoreRefusal(StoreLocator locator) {
        return SqlStores.minskyPostgresRefusal(locator);
    }

    /**
     * SQLite in the same layout answers for a new PostgreSQL store exactly, so the plan says no "estimate": the layouts this tool
     * creates there (native, chat) keep each value as JSON or text in either dialect (only Minsky's typed columns differ, and a new
     * Minsky store is refused), and what PostgreSQL alone refuses, a NUL or a value too long for its index, is asked of every record
     * through {@link #formatRefusals}. The real fixture's 217 sessions planned so come back identical.
     */
    @Override
    public StandIn standIn(StoreLocator locator, Path scratch) {
        return new StandIn(new StoreLocator(StoreFormat.SQLITE, scratch.resolve("probe").toString(), locator.params()), Optional.empty());
    }

    @Override
    public StoreCatalog catalog(StoreLocator locator) {
        return SqlCatalog.read(locator, Dialect.POSTGRESQL);
    }

    @Override
    public List<SchemaGap> schemaGaps(StoreLocator locator, StoreLayout layout) {
        return layout == StoreLayout.MINSKY ? MinskySchema.gaps(Dialect.POSTGRESQL, catalog(locator)) : List.of();
    }
}
