package dev.sessiondb.catalog;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.sessiondb.job.backup.Backup;
import dev.sessiondb.files.AtomicFiles;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.store.sql.EbeanDatabases;
import dev.sessiondb.store.sql.SchemaAtOnce;
import dev.sessiondb.store.sql.SchemaHistory;
import io.ebean.Database;
import io.ebean.DatabaseFactory;
import io.ebean.DuplicateKeyException;
import io.ebean.config.DatabaseConfig;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * SessionDB Admin's own database, {@code catalog.db} beside the backup journal it indexes (the
 * data directory by default): saved stores, the job history and the backup index, as Ebean
 * entity beans. Flyway owns its schema ({@code db/catalog}), apart from the session stores'.
 * The file is its owner's only, like the backups it points to.
 */
public final class Catalog implements AutoCloseable {

    /** The Ebean database name the catalog's entities belong to ({@code @DbName}). */
    static final String NAME = "catalog";
    public static final String FILE_NAME = "catalog.db";
    /** The newest version among the {@code db/catalog} scripts (CatalogTest holds it to them); a catalog at it opens without Flyway. */
    static final String NEWEST = "6";
    /** Flyway's default name for its history table, which the catalog keeps. */
    static final String HISTORY_TABLE = "flyway_schema_history";
    /** Every {@code db/catalog} script, in order: a new catalog is made from them at once (CatalogTest holds the list to the folder). */
    static final SchemaAtOnce SCHEMA = SchemaAtOnce.sqlite(HISTORY_TABLE, "db/catalog", List.of("V1__catalog.sql", "V2__run_stages.sql", "V3__pruned_backups.sql",
            "V4__target_marks.sql", "V5__run_stop_reason.sql",
            "V6__undone_by.sql"));

    private final Path file;
    private final HikariDataSource dataSource;
    private final Database database;
    private final boolean writable;

    private Catalog(Path file, HikariDataSource dataSource, Database database, boolean writable) {
        this.file = file;
        this.dataSource = dataSource;
        this.database = database;
        this.writable = writable;
    }

    /** The catalog in {@code folder}, created and brought to the newest schema if needed. */
    public static Catalog open(Path folder) {
        Path file = folder.toAbsolutePath().resolve(FILE_NAME);
        boolean created = createOwnerOnly(file);
        HikariDataSource dataSource = dataSource(file, false);
        try {
            if (Files.size(file) == 0) {
                // a new, empty database: made as Flyway would make it, without Flyway's start-up
                SCHEMA.create(dataSource);
            } else if (!NEWEST.equals(installedVersion(dataSource))) {
                // SQLite's "main" always exists: Flyway's making of it retries a damaged file's errors for seconds
                Flyway.configure().dataSource(dataSource).createSchemas(false).locations("classpath:db/catalog").load().migrate();
            }
            return new Catalog(file, dataSource, DatabaseFactory.create(config(dataSource)), true);
        } catch (RuntimeException | SQLException | IOException e) {
            dataSource.close();
            if (created) {
                // an empty file made just now (a full disk can stop its schema) would only stand in the next run's way
                deleteQuietly(file, e);
            }
            throw CatalogFaults.unusable(file, e);
        }
    }

    /**
     * The catalog beside a journal, for reading, its backup index brought in line with the journal's folders first; empty
     * when nothing was ever recorded or backed up there (nothing is created then). One that cannot be written is opened
     * read-only as last recorded ({@link #writable()} says so): reading the history needs no write.
     */
    public static Optional<Catalog> ofJournal(BackupJournal journal) {
        return ofJournal(journal, () -> { });
    }

    /**
     * As {@link #ofJournal(BackupJournal)}, with {@code afterIndexRead} run where a running job's indexing of its backup can come
     * between: after this read took the index, before it writes what the index lacks. A test puts a job's indexing there.
     */
    static Optional<Catalog> ofJournal(BackupJournal journal, Runnable afterIndexRead) {
        List<Backup> backups = journal.list();
        Path file = journal.root().toAbsolutePath().resolve(FILE_NAME);
        if (backups.isEmpty() && !Files.exists(file)) {
            return Optional.empty();
        }
        if (Files.isRegularFile(file) && !(Files.isWritable(file) && Files.isWritable(file.getParent()))) {
            return Optional.of(openReadOnly(file, CatalogFaults.readOnly(file, null)));
        }
        Catalog catalog;
        try {
            catalog = open(journal.root());
        } catch (CatalogException e) {
            return Optional.of(readOnlyAfter(file, e));
        }
        try {
            try {
                catalog.history().reconcile(backups, journal::isWhole, afterIndexRead);
            } catch (DuplicateKeyException raced) {
                // a running job indexed one of the listed backups after this read took the index (CatalogPlatform tells it so): list again
                catalog.history().reconcile(journal.list(), journal::isWhole);
            }
            return Optional.of(catalog);
        } catch (RuntimeException e) {
            catalog.close();
            return Optional.of(readOnlyAfter(file, CatalogFaults.unusable(file, e)));
        }
    }

    /** The catalog opened read-only when {@code failure} says it cannot be written; else that failure. */
    private static Catalog readOnlyAfter(Path file, CatalogException failure) {
        if (!CatalogFaults.cannotBeWritten(failure) || !Files.isRegularFile(file)) {
            throw failure;
        }
        return openReadOnly(file, failure);
    }

    /** The catalog as last recorded, nothing written; {@code failure} is thrown for an older one, whose schema needs a write first. */
    private static Catalog openReadOnly(Path file, CatalogException failure) {
        HikariDataSource dataSource = dataSource(file, true);
        try {
            if (!NEWEST.equals(installedVersion(dataSource))) {
                // an older catalog's schema is brought up to date before it is read, which needs a write
                throw failure;
            }
            return new Catalog(file, dataSource, DatabaseFactory.create(config(dataSource)), false);
        } catch (RuntimeException | SQLException e) {
            dataSource.close();
            throw e == failure ? failure : CatalogFaults.unusable(file, e);
        }
    }

    public Path file() {
        return file;
    }

    /** Whether jobs can be recorded here: false for a catalog {@link #ofJournal} could only open read-only. */
    public boolean writable() {
        return writable;
    }

    public JobHistory history() {
        return new JobHistory(database);
    }

    public SavedStores savedStores() {
        return new SavedStores(database);
    }

    @Override
    public void close() {
        database.shutdown(false, false);
        dataSource.close();
    }

    /** A pool on the catalog file, once it is known to be a SQLite database or empty. */
    private static HikariDataSource dataSource(Path file, boolean readOnly) {
        CatalogFaults.requireDatabase(file);
        try {
            return new HikariDataSource(pool(file, readOnly));
        } catch (RuntimeException e) {
            throw CatalogFaults.unusable(file, e);
        }
    }

    private static HikariConfig pool(Path file, boolean readOnly) {
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl("jdbc:sqlite:" + file);
        if (readOnly) {
            // SQLite's SQLITE_OPEN_READONLY: no journal is made, which a read-only folder would refuse
            pool.addDataSourceProperty("open_mode", "1");
            pool.setReadOnly(true);
        }
        pool.setPoolName("sessiondb-catalog");
        pool.setAutoCommit(false);
        // one writer at a time is what SQLite allows anyway; a second connection would only wait on the lock
        pool.setMaximumPoolSize(1);
        // the connection the open checks the schema on is kept for the event's write: with none to keep,
        // the pool's first borrow starts a refill that its close then waits for (about 30 ms an event)
        pool.setMinimumIdle(1);
        pool.setConnectionTimeout(10_000);
        pool.setConnectionTestQuery("SELECT 1");
        return pool;
    }

    private static DatabaseConfig config(HikariDataSource dataSource) {
        DatabaseConfig config = EbeanDatabases.config(NAME, dataSource, new CatalogPlatform());
        config.setClasses(List.of(JobRun.class, BackupEntry.class, SavedStore.class));
        return config;
    }

    /** Created with owner-only permissions before SQLite opens it, so it never exists readable by others; whether it was made now. */
    private static boolean createOwnerOnly(Path file) {
        try {
            // the first run's start can be what makes the journal's folder: owner-only, like its backups
            AtomicFiles.createOwnerOnlyDirectories(file.getParent());
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            return true;
        } catch (FileAlreadyExistsException exists) {
            // an existing catalog keeps the permissions it was created with
            return false;
        } catch (IOException e) {
            throw CatalogFaults.unusable(file, e);
        }
    }

    private static void deleteQuietly(Path file, Exception failure) {
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(file.resolveSibling(FILE_NAME + "-journal"));
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * The schema's version, "none" when the file holds no history table. SQLite's own errors (a
     * damaged file, a lock) are thrown: read as "no history", they sent the catalog to Flyway.
     */
    private static String installedVersion(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
                statement.setString(1, HISTORY_TABLE);
                try (ResultSet table = statement.executeQuery()) {
                    if (!table.next()) {
                        return "none";
                    }
                }
            } finally {
                connection.rollback();
            }
        }
        return SchemaHistory.installedVersion(dataSource, HISTORY_TABLE);
    }
}
