package dev.sessiondb.store.sql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreFaultException;
import dev.sessiondb.store.StoreFaults;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreLayout;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.selection.MinskyPaths;
import dev.sessiondb.files.AtomicFiles;
import dev.sessiondb.files.LockSafeReads;
import io.ebean.Database;
import io.ebean.DatabaseFactory;
import io.ebean.config.DatabaseConfig;
import io.ebean.platform.postgres.PostgresPlatform;
import io.ebean.platform.sqlite.SQLitePlatform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.api.FlywayException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteOpenMode;

/**
 * Opens SQLite and PostgreSQL stores: connects, finds the layout (or takes {@code ?layout=}),
 * creates a new store when asked to, and upgrades a native store's schema. A store in a foreign
 * layout is opened exactly as it is: no table, pragma or schema history is added to it.
 */
public final class SqlStores {

    /** The layouts a SQL store is written in (magellai's is a folder of files): what --layout may name for one. */
    static final Set<StoreLayout> LAYOUTS_HELD = Collections.unmodifiableSet(EnumSet.of(StoreLayout.NATIVE, StoreLayout.MINSKY, StoreLayout.CHAT));

    private static final AtomicInteger OPENED = new AtomicInteger();

    private SqlStores() {
    }

    public static SessionStore openSqlite(StoreLocator locator, OpenMode mode) {
        Path path = locator.path();
        String name = locator.display();
        boolean created = checkSqliteFile(path, name, mode);
        LockSafeReads.Hold file = hold(path, name);
        try {
            return openSqliteFile(locator, mode, path, name, file);
        } catch (RuntimeException e) {
            file.close();
            deleteIfStillEmpty(path, created);
            throw e;
        }
    }

    /** Held before SQLite opens the file and until its last connection is closed, so that no read of ours drops SQLite's locks. */
    private static LockSafeReads.Hold hold(Path path, String name) {
        try {
            return LockSafeReads.hold(path);
        } catch (IOException e) {
            throw new StoreException(name + ": cannot read the file (" + e.getMessage() + "); check that it exists and is readable", e);
        }
    }

    private static SessionStore openSqliteFile(StoreLocator locator, OpenMode mode, Path path, String name, LockSafeReads.Hold file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(5000);
        config.enforceForeignKeys(true);
        if (mode == OpenMode.STAGED) {
            config.setJournalMode(SQLiteConfig.JournalMode.OFF);
            config.setSynchronous(SQLiteConfig.SynchronousMode.OFF);
        }
        SqliteReadAccess.Access access = SqliteReadAccess.of(path);
        if (access.immutable()) {
            config.setReadOnly(true);
            config.setOpenMode(SQLiteOpenMode.OPEN_URI);
        }
        SQLiteDataSource sqlite = new SQLiteDataSource(config);
        sqlite.setUrl("jdbc:sqlite:" + access.fileName());
        HikariConfig pool = poolConfig();
        pool.setDataSource(sqlite);
        pool.setReadOnly(access.immutable()); // the pool sets each connection's flag, which SQLite then holds it to
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(pool);
        } catch (RuntimeException e) {
            throw new StoreException(name + ": cannot open the SQLite file (" + SqlFailures.firstLine(e) + "); check that it is readable and not locked", e);
        }
        return open(Dialect.SQLITE, locator, mode, dataSource, null, file);
    }

    static SqlSessionStore openPostgres(StoreLocator locator, OpenMode mode) {
        return openPostgres(locator, mode, System.getenv(), MinskyPaths.userHome(System.getenv()));
    }

    /** With the environment and home directory given, so credential resolution can be tested. */
    static SqlSessionStore openPostgres(StoreLocator locator, OpenMode mode, Map<String, String> env, Path home) {
        PgCredentials credentials = PgCredentials.resolve(locator, env, home);
        String schema = locator.param("schema").filter(text -> !text.isBlank()).orElse(null);
        HikariConfig pool = poolConfig();
        pool.setJdbcUrl(credentials.jdbcUrl());
        pool.setUsername(credentials.user());
        pool.setPassword(credentials.password());
        pool.addDataSourceProperty("ApplicationName", "sessiondb-admin");
        // no JIT: compiling a search's long condition took 0.3-0.4 s of each search of a store of chat sessions (7-10 ms
        // without), and gave nothing measurable to a 1M store's counts and searches (BENCHMARKS.md, "PostgreSQL's JIT")
        pool.addDataSourceProperty("options", "-c jit=off");
        // a server that went away is said so in seconds; no socketTimeout: a long count or export is slow, not gone
        pool.setConnectionTimeout(PgReachability.POOL_TIMEOUT_MILLIS);
        pool.addDataSourceProperty("connectTimeout", String.valueOf(PgReachability.CONNECT_TIMEOUT_SECONDS));
        if (schema != null) {
            // quoted, so that a schema name with capitals or punctuation is taken as written
            pool.addDataSourceProperty("currentSchema", Dialect.quote(schema));
        }
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(pool);
        } catch (RuntimeException e) {
            throw PgErrors.describe(locator, credentials, e);
        }
        try {
            if (schema != null) {
                ensureSchema(dataSource, locator, credentials, schema, mode);
            }
            return open(Dialect.POSTGRESQL, locator, mode, dataSource, schema, () -> { });
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    private static HikariConfig poolConfig() {
        HikariConfig pool = new HikariConfig();
        pool.setPoolName("sessiondb-" + OPENED.incrementAndGet());
        pool.setAutoCommit(false);
        pool.setMaximumPoolSize(4);
        // the connection the pool opens to check the store is kept for the first read (with none
        // to keep, the pool closes it and opens another: a second log-in on PostgreSQL)
        pool.setMinimumIdle(1);
        pool.setConnectionTimeout(10_000);
        pool.setAllowPoolSuspension(true); // PoolRelease
        return pool;
    }

    /** A new store left empty by a failed open is removed again, so the failure leaves nothing behind. */
    private static void deleteIfStillEmpty(Path path, boolean created) {
        try {
            if (created && Files.size(path) == 0) {
                Files.delete(path);
            }
        } catch (IOException ignored) {
            // the open already failed; that failure is what the user needs to hear
        }
    }

    /**
     * @return true when the file was missing and was created here, empty and owner-only (SQLite
     *         gives its -wal and -shm files the same permissions)
     */
    private static boolean checkSqliteFile(Path path, String name, OpenMode mode) {
        if (Files.isDirectory(path)) {
            throw new StoreException(name + ": is a directory, not a SQLite file; give the database file, or jsondir: for a directory of JSON files");
        }
        if (mode == OpenMode.EXISTING && AtomicFiles.isEmptyFile(path)) {
            throw new StoreException(name + ": the file is empty (0 bytes), not a SQLite store yet; a job writing into it makes it one"
                    + " (sessiondb migrate SOURCE " + name + "), else check the path");
        }
        if (!Files.exists(path)) {
            if (mode == OpenMode.EXISTING) {
                throw new StoreException(name + ": no such file; check the path, or create the store first");
            }
            try {
                AtomicFiles.createOwnerOnlyDirectories(path.toAbsolutePath().getParent());
                AtomicFiles.createOwnerOnlyFile(path);
            } catch (IOException e) {
                throw new StoreException(name + ": cannot create the new store (" + e.getMessage() + "); check the path and permissions", e);
            }
            return true;
        }
        if (!SqliteProvider.startsWithHeader(path) && fileSize(path, name) > 0) {
            throw new StoreException(name + ": not a SQLite database (the file does not start with the SQLite header); check the path, or use json: if it holds JSON");
        }
        return false;
    }

    private static long fileSize(Path path, String name) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw new StoreException(name + ": cannot read the file (" + e.getMessage() + "); check that it exists and is readable", e);
        }
    }

    private static void ensureSchema(HikariDataSource dataSource, StoreLocator locator, PgCredentials credentials, String schema, OpenMode mode) {
        try (Connection connection = dataSource.getConnection()) {
            boolean exists;
            try (var statement = connection.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
                statement.setString(1, schema);
                exists = statement.executeQuery().next();
            }
            if (!exists && mode == OpenMode.EXISTING) {
                throw new StoreException(locator.display() + ": schema '" + schema + "' does not exist in database " + credentials.database()
                        + "; check ?schema=, or create the store first");
            }
            if (!exists) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE SCHEMA " + Dialect.quote(schema));
                    if (mode == OpenMode.STAGED) {
                        UnfinishedCreation.markSchema(connection, schema);
                    }
                } catch (SQLException e) {
                    if (!"42501".equals(e.getSQLState())) {
                        throw e;
                    }
                    throw new StoreException(locator.display() + ": user " + credentials.user() + " may not create schema '" + schema
                            + "' in database " + credentials.database() + "; ask for CREATE on the database, or give an existing ?schema=", e);
                }
                connection.commit();
            }
        } catch (SQLException e) {
            throw PgErrors.describe(locator, credentials, e);
        }
    }

    private static SqlSessionStore open(Dialect dialect, StoreLocator locator, OpenMode mode, HikariDataSource dataSource, String schema,
                                        LockSafeReads.Hold file) {
        try {
            Layout layout = prepareLayout(dialect, locator, mode, dataSource, schema);
            SqlSessionStore store = new SqlSessionStore(locator, dialect, layout, dataSource, schema, database(dialect, dataSource), file);
            if (mode == OpenMode.STAGED) {
                store.deferRebuilds();
            }
            return store;
        } catch (SQLException e) {
            dataSource.close();
            throw SqlFailures.diskFull(locator, e).orElseGet(() -> openFailure(locator, e));
        } catch (FlywayException e) {
            dataSource.close();
            throw new StoreException(locator.display() + ": the schema upgrade failed (" + SqlFailures.firstLine(e) + "); nothing was changed, restore a backup if the store was damaged", e);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    /**
     * Why a store did not open: damaged, locked (what to do about either), or else not a session store as far as the driver tells.
     * Damage is a fault naming its store, so a job's line names the file in the command that recovers it (not {@code DAMAGED.db}).
     */
    private static StoreException openFailure(StoreLocator locator, SQLException failure) {
        if (StoreFaults.isSqliteDamage(failure)) {
            return new StoreFaultException(locator.display(), StoreFaults.damagedSqlite(locator.path().toString(), null), failure);
        }
        return new StoreException(StoreFaults.of(failure).map(fault -> locator.display() + ": " + fault.what() + "; " + fault.todo())
                .orElseGet(() -> locator.display() + ": cannot open the store (" + SqlFailures.firstLine(failure) + "); check that it is a session store"), failure);
    }

    /**
     * Why a new PostgreSQL store in Minsky's layout is refused: Minsky's migrator rejects a database
     * with tables but no Drizzle ledger ("ledger-lost"), and its schema and ledger belong to Minsky's
     * own releases (ADR 0011). Empty for every other new store.
     */
    public static Optional<String> minskyPostgresRefusal(StoreLocator locator) {
        if (locator.format() != StoreFormat.POSTGRESQL || locator.layoutOverride().filter(layout -> layout == StoreLayout.MINSKY).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(locator.display() + ": this tool does not create Minsky's PostgreSQL database, since Minsky's migrator would refuse"
                + " it (no Drizzle ledger); create the database with Minsky (`minsky persistence migrate`), then"
                + " `sessiondb migrate SRC TARGET --mode merge` into it");
    }

    /** A sessions table this user may not read is missing from the tables it is shown: said so, not taken for no store, nor created. */
    private static void refuseUnreadable(StoreLocator locator, HikariDataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            Optional<StoreFaults.Fault> refusal = PgPrivileges.readRefusal(connection, locator);
            connection.rollback();
            if (refusal.isPresent()) {
                throw new StoreFaultException(locator.display(), refusal.get(), null);
            }
        }
    }

    private static Layout prepareLayout(Dialect dialect, StoreLocator locator, OpenMode mode, HikariDataSource dataSource, String schema) throws SQLException {
        String name = locator.display();
        Set<String> tables;
        TableCatalog catalog;
        try (Connection connection = dataSource.getConnection()) {
            tables = dialect.tables(connection);
            catalog = TableCatalog.read(connection, dialect, "sessions");
            connection.rollback();
        }
        boolean create = !tables.contains("sessions");
        if (create && dialect == Dialect.POSTGRESQL) {
            refuseUnreadable(locator, dataSource);
        }
        if (create && mode != OpenMode.EXISTING && dialect == Dialect.POSTGRESQL) {
            Optional<String> refusal = minskyPostgresRefusal(locator);
            if (refusal.isPresent()) {
                throw new StoreException(refusal.get());
            }
        }
        StoreLayout layout = LayoutDetection.choose(name, locator.layoutOverride().orElse(null), tables, catalog.columns(), mode);
        // a staged PostgreSQL store's tables are committed before its records: marked so in the same transaction (UnfinishedCreation)
        SqlWork<Void> marking = mode == OpenMode.STAGED && dialect == Dialect.POSTGRESQL ? connection -> {
            UnfinishedCreation.mark(connection, tables);
            return null;
        } : connection -> null;
        if (layout == StoreLayout.NATIVE) {
            // an existing store is opened as it is, also for writing: a write upgrades it when it starts (after the job's backup)
            return create ? createNative(dialect, name, dataSource, schema, mode != OpenMode.STAGED, !tables.contains(NativeSchema.HISTORY_TABLE), marking)
                    : new NativeLayout(dialect, name, SchemaHistory.installedVersion(dataSource, NativeSchema.HISTORY_TABLE));
        }
        if (layout == StoreLayout.CHAT) {
            if (create) {
                createForeign(dataSource, ChatLayout.DDL, marking);
            }
            return new ChatLayout(dialect, name);
        }
        if (create) {
            createForeign(dataSource, List.of(MinskyTable.sqliteDdl()), marking);
        }
        try (Connection connection = dataSource.getConnection()) {
            catalog = TableCatalog.read(connection, dialect, "sessions");
            MinskyEra era = dialect == Dialect.SQLITE ? MinskyEra.sqlite(catalog.columns()) : MinskyEra.postgres(DrizzleLedger.migrations(connection));
            boolean keyEnforced = RepeatedRows.keyEnforced(connection, dialect, "sessions", MinskyLayout.KEY_COLUMN);
            if (!keyEnforced) {
                RepeatedRows.refuseRepeats(connection, dialect, name, "sessions", MinskyLayout.KEY_COLUMN);
            }
            connection.rollback();
            return new MinskyLayout(dialect, name, catalog, era, keyEnforced);
        }
    }

    /**
     * Creates a native store, or brings an older one to the newest schema: what only a write may do.
     *
     * @param writeAheadLog false for a staged SQLite file, which gets its WAL when it is put in place
     * @param empty the store has no table at all, so its schema is made at once ({@link SchemaAtOnce}), not by Flyway
     * @param marking run in the schema's transaction once it is made
     */
    static NativeLayout createNative(Dialect dialect, String name, DataSource dataSource, String schema, boolean writeAheadLog, boolean empty,
                                     SqlWork<Void> marking) throws SQLException {
        if (dialect == Dialect.SQLITE && writeAheadLog) {
            useWriteAheadLog(dataSource);
        }
        if (empty) {
            NativeSchema.atOnce(dialect).create(dataSource, marking);
            return new NativeLayout(dialect, name, NativeSchema.newest(dialect));
        }
        return new NativeLayout(dialect, name, NativeSchema.migrate(dataSource, dialect, schema, null));
    }

    /**
     * Brings an older native store to the newest schema, one version at a time, stopping when
     * {@code monitor} is cancelled ({@link NativeSchema#upgrade}). SQLite's WAL comes once every
     * version is in, so a cancel before the first leaves the file exactly as it was.
     */
    static NativeLayout upgradeNative(Dialect dialect, String name, DataSource dataSource, String schema, ProgressMonitor monitor)
            throws SQLException {
        NativeSchema.upgrade(dataSource, dialect, schema, monitor);
        if (dialect == Dialect.SQLITE) {
            useWriteAheadLog(dataSource);
        }
        return new NativeLayout(dialect, name, NativeSchema.newest(dialect));
    }

    /** WAL lets readers work while a write runs; it is persistent, so only our own stores get it, when written. */
    private static void useWriteAheadLog(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA journal_mode=WAL");
            }
        }
    }

    private static void createForeign(HikariDataSource dataSource, Iterable<String> ddl, SqlWork<Void> marking) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : ddl) {
                statement.execute(sql);
            }
            marking.run(connection);
            connection.commit();
        }
    }

    private static Database database(Dialect dialect, HikariDataSource dataSource) {
        DatabaseConfig config = EbeanDatabases.config(dataSource.getPoolName(), dataSource,
                dialect == Dialect.POSTGRESQL ? new PostgresPlatform() : new SQLitePlatform());
        // a store's Database only runs transactions over SQL of our own: no entity beans to look for
        config.setDisableClasspathSearch(true);
        return DatabaseFactory.create(config);
    }
}
