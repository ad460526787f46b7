package dev.sessiondb.store;

import dev.sessiondb.files.ReadOnlyFileException;
import dev.sessiondb.model.SecretMasker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.ReadOnlyFileSystemException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Names what went wrong with a store in words a user can act on, from the driver's or the file
 * system's exception deep in a failure's causes: a lost PostgreSQL connection, a SQLite file
 * locked by another program, a full disk, a folder that cannot be written. The CLI and the
 * desktop app both print these, so a fault reads the same everywhere.
 */
public final class StoreFaults {

    private static final String CONNECTION_REJECTED = "08004";
    private static final String READ_ONLY_TRANSACTION = "25006";

    /**
     * @param what  what happened, naming the file when the system names one
     * @param todo  what the user can do about it
     */
    public record Fault(String what, String todo) {
    }

    private StoreFaults() {
    }

    /** The first fault this failure's causes show, if any is one we know. */
    public static Optional<Fault> of(Throwable failure) {
        // a store that named its fault says which file it is, where the driver's words below it do not
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof StoreFaultException named) {
                return Optional.of(named.named());
            }
        }
        String file = fileNamedIn(failure);
        String written = folderWrittenIn(failure);
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            Optional<Fault> fault = known(cause, file, written);
            if (fault.isPresent()) {
                return fault;
            }
        }
        return Optional.empty();
    }

    /** " at FILE" for the file the file system named anywhere in the causes, else nothing. */
    private static String fileNamedIn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof FileSystemException system && system.getFile() != null) {
                return " at " + system.getFile();
            }
        }
        return "";
    }

    /**
     * " at FOLDER" for the folder of the file being written when the file system failed, else nothing: a copy or a move
     * names its source first and the file it writes second ({@link FileSystemException#getOtherFile()}), and a full disk
     * is the written file's, not the source's.
     */
    private static String folderWrittenIn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof FileSystemException system && (system.getOtherFile() != null || system.getFile() != null)) {
                String written = system.getOtherFile() != null ? system.getOtherFile() : system.getFile();
                // a backup's folder the failed run removed again is no place to free space in: its nearest folder still there is
                Path folder = Path.of(written).toAbsolutePath().getParent();
                while (folder != null && !Files.isDirectory(folder) && folder.getParent() != null) {
                    folder = folder.getParent();
                }
                return " at " + (folder == null ? written : folder);
            }
        }
        return "";
    }

    /**
     * A SQLite file that SQLite calls damaged (a check's report, or a read that met a broken page),
     * for a message that names the store first.
     *
     * @param file   the file, for the command that recovers it; null when the failure does not name it
     * @param detail what SQLite reported, or null
     */
    public static Fault damagedSqlite(String file, String detail) {
        // .dump goes on past a damaged page and ends "ROLLBACK; -- due to errors": made a COMMIT, the new file keeps every row it read.
        // (sqlite3 3.40's .recover stopped with "SQL logic error" on these files, intact ones too.)
        String recover = "sqlite3 " + (file == null ? "DAMAGED.db" : file) + " .dump | sed 's/^ROLLBACK; -- due to errors$/COMMIT;/' | sqlite3 recovered.db";
        return new Fault("the SQLite file is damaged" + (detail == null ? "" : " (" + detail + ")"),
                "restore it from a backup (sessiondb undo --list lists them), or recover what it still holds into a new file with "
                        + recover + ", then copy the sessions out of recovered.db");
    }

    /**
     * A SQLite file another program holds locked; a store that meets it names itself ({@link StoreFaultException}).
     *
     * @param file " at FILE" when known, else nothing
     */
    public static Fault lockedSqlite(String file) {
        return new Fault("the SQLite file" + file + " is locked by another program (Minsky or another sessiondb is writing to it)",
                "let that program finish or close it, then run the same command again");
    }

    /**
     * A disk with no room left for a write.
     *
     * @param folder " at FOLDER" for the folder being written when known, else nothing
     */
    public static Fault diskFull(String folder) {
        return new Fault("the disk is full" + folder, "free some space there, then run the same command again");
    }

    /** Whether SQLite's own error says another program holds the file locked. */
    public static boolean isSqliteLocked(Throwable failure) {
        return anyCauseSays(failure, StoreFaults::saysLocked);
    }

    private static boolean saysLocked(String lower) {
        return lower.contains("sqlite_busy") || lower.contains("database is locked");
    }

    /** Whether the failure or any of its causes says the disk is full (SQLite's SQLITE_FULL, the system's ENOSPC). */
    public static boolean isDiskFull(Throwable failure) {
        return anyCauseSays(failure, StoreFaults::saysFull);
    }

    private static boolean saysFull(String lower) {
        return lower.contains("sqlite_full") || lower.contains("no space left on device") || lower.contains("disk is full");
    }

    /** Whether SQLite's own error says the file is damaged or no database at all. */
    public static boolean isSqliteDamage(Throwable failure) {
        return anyCauseSays(failure, StoreFaults::saysDamaged);
    }

    /** Whether the message of the failure or of any of its causes, in lower case, says what {@code says} looks for. */
    private static boolean anyCauseSays(Throwable failure, Predicate<String> says) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (says.test(String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static boolean saysDamaged(String lower) {
        return lower.contains("sqlite_corrupt") || lower.contains("sqlite_notadb") || lower.contains("disk image is malformed");
    }

    /** One line: the fault and what to do, else the failure's own message. */
    public static String describe(Throwable failure) {
        // shown as it is in the window's reports and the jobs panel: a message quoting what the user typed may hold a password
        return SecretMasker.maskUrlPasswords(of(failure).map(fault -> fault.what() + "; " + fault.todo()).orElseGet(() -> plainMessage(failure)));
    }

    private static Optional<Fault> known(Throwable cause, String file, String writtenFolder) {
        String message = String.valueOf(cause.getMessage());
        String lower = message.toLowerCase(Locale.ROOT);
        if (cause instanceof SQLException sql && isLostConnection(sql, lower)) {
            return Optional.of(new Fault("the connection to PostgreSQL was lost (the server ended it, stopped or restarted)",
                    "check that the server is up and run the same command again"));
        }
        if (cause instanceof ConnectException || lower.contains("connection to") && lower.contains("refused")) {
            return Optional.of(new Fault("PostgreSQL cannot be reached (connection refused)",
                    "check the host and port, and that the server is running, then run the command again"));
        }
        if (saysLocked(lower)) {
            return Optional.of(lockedSqlite(file));
        }
        if (saysDamaged(lower)) {
            return Optional.of(damagedSqlite(null, null));
        }
        if (saysFull(lower)) {
            return Optional.of(diskFull(writtenFolder));
        }
        if (lower.contains("sqlite_readonly") && !lower.contains("read-only file system")) {
            // SQLite says the same of a read-only mount and of a read-only database, -wal or -shm file
            return Optional.of(new Fault("cannot write: SQLite finds the store read-only (a read-only file system, or the database file, its -wal"
                    + " or -shm file beside it or their folder read-only)" + file,
                    "choose a writable folder, or make those files writable (chmod u+w), then run the command again"));
        }
        if (lower.contains("sqlite_readonly") || lower.contains("read-only file system") || cause instanceof ReadOnlyFileSystemException) {
            return Optional.of(new Fault("cannot write: read-only file system" + file,
                    "choose a writable folder (or --backup-dir for backups), then run the command again"));
        }
        if (cause instanceof ReadOnlyFileException readOnly) {
            return Optional.of(new Fault(readOnly.getFile() + " is read-only (its owner may not write it)",
                    "make it writable (chmod u+w " + readOnly.getFile() + ") to let sessiondb change it, or choose another store, then run the command again"));
        }
        if (isReadOnlyServer(cause)) {
            return Optional.of(readOnlyServer());
        }
        if (cause instanceof SQLException sql && "42501".equals(sql.getSQLState())) {
            // PostgreSQL's "permission denied for table sessions" is about a privilege, not a folder
            return Optional.of(new Fault("PostgreSQL refused: " + message.lines().findFirst().orElse(message).strip(),
                    "ask an administrator of the database to GRANT the user the privilege it names, or connect as a user who has it, then run the command again"));
        }
        if (cause instanceof AccessDeniedException || lower.contains("sqlite_cantopen") || lower.contains("permission denied")) {
            return Optional.of(new Fault("permission denied" + file,
                    "make the folder writable for you or choose another (or --backup-dir for backups), then run the command again"));
        }
        return Optional.empty();
    }

    /** PostgreSQL's "cannot execute ... in a read-only transaction": a standby server, or a database or user set read-only. */
    public static boolean isReadOnlyServer(Throwable cause) {
        return cause instanceof SQLException sql && READ_ONLY_TRANSACTION.equals(sql.getSQLState());
    }

    public static Fault readOnlyServer() {
        return new Fault("PostgreSQL refuses every write here: the database is read-only (a standby server, or default_transaction_read_only"
                + " set on the database or the user)", "connect to the primary server or a writable database, or ask an administrator to allow"
                + " writes, then run the command again");
    }

    private static boolean isLostConnection(SQLException sql, String lower) {
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        // 08004 is a server turning a connection away as it starts (a password asked for and none given), never one lost
        return state.startsWith("08") && !state.equals(CONNECTION_REJECTED) || state.startsWith("57P") || lower.contains("i/o error occurred while sending to the backend")
                || lower.contains("terminating connection") || lower.contains("connection has been closed") || lower.contains("connection is closed");
    }

    /** An unchecked wrapper made of its cause alone has the cause's class and message for its message: the cause says it without the class. */
    private static boolean wrapsWithoutWords(Throwable failure) {
        return failure instanceof UncheckedIOException && failure.getCause() != null && String.valueOf(failure.getMessage()).equals(failure.getCause().toString());
    }

    private static String plainMessage(Throwable failure) {
        Throwable cause = failure;
        while ((cause.getMessage() == null || wrapsWithoutWords(cause)) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        boolean ours = cause.getClass().getName().startsWith("dev.sessiondb.") || cause instanceof IllegalArgumentException
                || cause instanceof IOException || cause instanceof UncheckedIOException;
        return ours && message != null ? message : cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
