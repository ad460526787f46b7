package dev.sessiondb.catalog;

import dev.sessiondb.store.StoreFaults;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Why the catalog file cannot be used, in one line naming it and saying what to do. A file that
 * is no SQLite database is told before SQLite or Flyway touch it: Flyway, finding no schema
 * history in it, retried creating one for half a minute before giving up.
 */
final class CatalogFaults {

    /** The 16 bytes every SQLite database file begins with. */
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final String READ_ONLY = " cannot be written (the file, or its folder where SQLite keeps its journal, is read-only)";
    private static final String MAKE_WRITABLE = "make both writable for you (chmod u+w), or choose another --backup-dir";
    private static final String BACKUPS_STAY = "the backups beside it stay, and 'sessiondb undo --list' lists them";

    private CatalogFaults() {
    }

    /**
     * Refuses a catalog that is a folder or a file that does not begin as a SQLite database does; an
     * empty file is a new catalog, made before its schema was.
     */
    static void requireDatabase(Path file) {
        if (Files.isDirectory(file)) {
            throw new CatalogException("the catalog " + file + " is a folder, not a SQLite database; move or rename that folder and"
                    + " sessiondb makes a new catalog there (" + BACKUPS_STAY + ")", null);
        }
        byte[] start;
        try (InputStream in = Files.newInputStream(file)) {
            start = in.readNBytes(SQLITE_HEADER.length);
        } catch (IOException e) {
            throw unusable(file, e);
        }
        if (start.length > 0 && !Arrays.equals(start, SQLITE_HEADER)) {
            throw notADatabase(file, null);
        }
    }

    /** The failure to open, read or write the catalog {@code file}, told as what is wrong and what to do. */
    static CatalogException unusable(Path file, Throwable failure) {
        if (failure instanceof CatalogException known) {
            return known;
        }
        if (StoreFaults.isDiskFull(failure)) {
            // no fault of the file's: moving it aside would not help
            StoreFaults.Fault full = StoreFaults.diskFull(" at " + file.getParent());
            return new CatalogException(full.what() + " (the catalog " + file + "); " + full.todo(), failure);
        }
        if (StoreFaults.isSqliteDamage(failure)) {
            return notADatabase(file, failure);
        }
        if (StoreFaults.isSqliteLocked(failure)) {
            return new CatalogException("the catalog " + file + " is locked by another process (a sqlite3 shell or another program in a"
                    + " transaction on it); end that transaction or close that program, then run the command again", failure);
        }
        if (cannotBeWritten(failure)) {
            return readOnly(file, failure);
        }
        String lower = String.valueOf(rootMessage(failure)).toLowerCase(Locale.ROOT);
        if (failure instanceof AccessDeniedException || lower.contains("sqlite_cantopen") || lower.contains("permission denied")) {
            return new CatalogException("the catalog " + file + " cannot be opened: permission denied (on the file or its folder); make both"
                    + " readable and writable for you (chmod u+rw), or choose another --backup-dir, then run the command again", failure);
        }
        return new CatalogException("cannot use the catalog " + file + " (" + firstLine(rootMessage(failure))
                + "); move it aside to start a new history (" + BACKUPS_STAY + ")", failure);
    }

    /** Whether the failure, or the one a {@link CatalogException} tells, is SQLite's or the file system's refusal to write. */
    static boolean cannotBeWritten(Throwable failure) {
        String lower = String.valueOf(rootMessage(failure)).toLowerCase(Locale.ROOT);
        return lower.contains("sqlite_readonly") || lower.contains("read-only file system");
    }

    /** The catalog cannot be written, told with what to do; {@code cause} null when a look at its permissions found it. */
    static CatalogException readOnly(Path file, Throwable cause) {
        return new CatalogException("the catalog " + file + READ_ONLY + "; " + MAKE_WRITABLE + ", then run the command again", cause);
    }

    /** What a reader of a catalog opened read-only is told once: what it shows, and that jobs run now go unrecorded there. */
    static String readOnlyForReading(Path file) {
        return "the catalog " + file + READ_ONLY + ": the history is shown as last recorded, and jobs cannot be recorded there;"
                + " to record them, " + MAKE_WRITABLE;
    }

    private static CatalogException notADatabase(Path file, Throwable cause) {
        return new CatalogException("the catalog " + file + " is not a SQLite database (damaged, cut short or overwritten); move it aside"
                + " (mv '" + file + "' '" + file + ".damaged') and sessiondb starts a new history (" + BACKUPS_STAY + ")", cause);
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        // an AccessDeniedException's message is the bare path
        return root instanceof AccessDeniedException ? "permission denied: " + root.getMessage() : root.getMessage();
    }

    private static String firstLine(String message) {
        String text = String.valueOf(message);
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
