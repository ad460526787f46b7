package dev.sessiondb.store.sql;

import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreFaultException;
import dev.sessiondb.store.StoreFaults;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreLocator;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** A failed statement in the words a user reads: what failed on which store, the driver's reason, and what to do. */
final class SqlFailures {

    private static final String ABORTED_TRANSACTION = "25P02";

    private SqlFailures() {
    }

    /**
     * A layout's write that failed, in words: also a row another session held, which an owned upsert refuses
     * ({@link TableWrite#ownerColumn}), says what two records clash on and what to do; else as {@link #writeFailure(StoreLocator, String, Exception)}.
     */
    static StoreException writeFailure(StoreLocator locator, String failed, Exception e, List<TableWrite> writes) {
        for (TableWrite write : writes) {
            if (write.ownerColumn() != null && refusedOwner(e, write)) {
                String column = write.table() + "." + write.keyColumn();
                return new StoreException(locator.display() + ": " + failed + ": two sessions give one " + column + " (" + firstLine(e)
                        + "); nothing was changed; this layout keys " + write.table() + " by " + write.keyColumn() + " across sessions:"
                        + " give each session's " + write.table() + " ids of their own in the source, or write to the native layout"
                        + " (?layout=native), which keeps each session whole", e);
            }
        }
        return writeFailure(locator, failed, e);
    }

    /**
     * The owner's NOT NULL refusing the NULL an owned upsert sets on a row another session holds, in SQLite's words or
     * PostgreSQL's, or two rows of one write clashing ({@link OwnedKeyClash}).
     */
    private static boolean refusedOwner(Exception e, TableWrite write) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            if (cause instanceof OwnedKeyClash || message.contains("NOT NULL constraint failed: " + write.table() + "." + write.ownerColumn())
                    || message.contains("column \"" + write.ownerColumn() + "\" of relation \"" + write.table() + "\" violates not-null constraint")) {
                return true;
            }
        }
        return false;
    }

    /**
     * A write that failed, in words: a SQLite file another program holds locked, or a full disk, says so, naming the store (and
     * the disk's folder); else what failed, with the driver's reason.
     */
    static StoreException writeFailure(StoreLocator locator, String failed, Exception e) {
        String storeName = locator.display();
        Optional<StoreException> full = diskFull(locator, e);
        if (full.isPresent()) {
            return full.get();
        }
        if (StoreFaults.isSqliteLocked(e)) {
            return new StoreFaultException(storeName, StoreFaults.lockedSqlite(""), e);
        }
        if (StoreFaults.isReadOnlyServer(e)) {
            return new StoreFaultException(storeName, StoreFaults.readOnlyServer(), e);
        }
        if (PgIndexLimits.isIndexRowTooLarge(e)) {
            // the plan refuses such records by name; this is for a write no plan came before, and the server names no record
            return new StoreException(storeName + ": " + failed + ": a value is too long for PostgreSQL's index (" + firstLine(e) + "); nothing was changed;"
                    + " a session name, taskId, repoName or createdAt may take " + PgIndexLimits.MAX_INDEXED_BYTES
                    + " bytes there: run the job with --dry-run to name the records, and shorten them in the source", e);
        }
        return new StoreException(storeName + ": " + failed + " (" + firstLine(firstFailure(e)) + "); nothing was changed", e);
    }

    /**
     * The statement's failure that aborted a PostgreSQL transaction, where the exception is a later statement's refusal ("current
     * transaction is aborted", SQLSTATE 25P02) carrying it as a cause: that refusal names no reason a user can act on.
     */
    private static Exception firstFailure(Exception e) {
        boolean aborted = false;
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                if (!ABORTED_TRANSACTION.equals(sql.getSQLState())) {
                    return aborted ? sql : e;
                }
                aborted = true;
            }
        }
        return e;
    }

    /** A SQLite file's write that met a full disk, naming the folder to free space in: SQLite's own words name neither. */
    static Optional<StoreException> diskFull(StoreLocator locator, Exception e) {
        if (locator.format() != StoreFormat.SQLITE || !StoreFaults.isDiskFull(e)) {
            return Optional.empty();
        }
        Path folder = locator.path().toAbsolutePath().getParent();
        return Optional.of(new StoreFaultException(locator.display(), StoreFaults.diskFull(" at " + folder), e));
    }

    /** A read that failed, in words: a damaged SQLite file says so and what to do; else what failed, with the driver's reason. */
    static StoreException readFailure(String storeName, String failed, Exception e) {
        if (StoreFaults.isSqliteDamage(e)) {
            // a SQLite store's name is sqlite:PATH: the advice gives the command for that file
            String file = storeName.startsWith("sqlite:") ? storeName.substring("sqlite:".length()) : null;
            return new StoreFaultException(storeName, StoreFaults.damagedSqlite(file, null), e);
        }
        return new StoreException(storeName + ": " + failed + " (" + firstLine(e) + "); check the store", e);
    }

    /**
     * A write PostgreSQL refused this user, naming the privilege missing and the GRANT; a PostgreSQL server gone after the store opened, said as a fault and not in the driver's words: one that cannot be reached as
     * opening the store says it (which server, and to check it is up), one that ended the connection mid-statement as lost.
     */
    static Optional<StoreException> serverGone(Dialect dialect, StoreLocator locator, Exception e) {
        if (dialect != Dialect.POSTGRESQL) {
            return Optional.empty();
        }
        if (PgErrors.isUnreachable(e)) {
            return Optional.of(PgErrors.describe(locator, PgCredentials.resolve(locator), e));
        }
        Optional<SQLException> denied = PgPrivileges.permissionDenied(e);
        if (denied.isPresent()) {
            return Optional.of(new StoreFaultException(locator.display(), PgPrivileges.writeFault(locator, denied.get()), e));
        }
        return StoreFaults.of(e).map(fault -> new StoreFaultException(locator.display(), fault, e));
    }

    static String firstLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message).strip();
    }
}
