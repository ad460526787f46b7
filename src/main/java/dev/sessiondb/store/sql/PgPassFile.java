package dev.sessiondb.store.sql;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The libpq password file ({@code PGPASSFILE} or {@code ~/.pgpass}) read with libpq's rules:
 * {@code host:port:database:user:password} lines, the first match wins, a field of {@code *}
 * matches anything, {@code \} escapes {@code :} and {@code \} (so the IPv6 host {@code ::1} is
 * written {@code \:\:1}), {@code #} starts a comment, and a file that the group or others may
 * read is ignored with a warning, once a run, as libpq does.
 *
 * <p>pgjdbc's {@code org.postgresql.jdbcurlresolver.PgPassParser} reads the real process
 * environment and skips the permission check, so it can neither be tested with an injected
 * environment nor agree with libpq on a loose file; this class keeps libpq's behaviour.
 */
final class PgPassFile {

    private static final Logger LOG = LoggerFactory.getLogger(PgPassFile.class);
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    /** Who hears that a password file was ignored, besides the log: the CLI's stderr, the window's status line. */
    private static volatile Consumer<String> warnings = warning -> { };
    private static final Set<Path> WARNED = ConcurrentHashMap.newKeySet();

    private PgPassFile() {
    }

    /**
     * What the file says for an account.
     *
     * @param password    the matching line's password, or null
     * @param ignoredBecause why the file was not read (it is not a plain file or others may read it), or null
     */
    record Lookup(String password, String ignoredBecause) {
    }

    static void sendWarningsTo(Consumer<String> listener) {
        warnings = listener;
    }

    static Lookup lookup(Path file, String host, int port, String database, String user) {
        if (!Files.exists(file)) {
            return new Lookup(null, null);
        }
        Optional<String> unsafe = whyIgnored(file);
        if (unsafe.isPresent()) {
            if (WARNED.add(file.toAbsolutePath())) {
                LOG.warn(unsafe.get());
                warnings.accept(unsafe.get());
            }
            return new Lookup(null, unsafe.get());
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            return new Lookup(null, null);
        }
        String[] wanted = {host, String.valueOf(port), database, user};
        for (String line : lines) {
            if (line.startsWith("#")) {
                continue;
            }
            Optional<String> password = passwordIfMatching(line, wanted);
            if (password.isPresent()) {
                return new Lookup(password.get(), null);
            }
        }
        return new Lookup(null, null);
    }

    /** libpq's two refusals, in its words: a file that is not a plain one, and one the group or others may use (not checked on Windows). */
    private static Optional<String> whyIgnored(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.of("password file " + file + " is not a plain file and is ignored");
        }
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (posix == null) {
            return Optional.empty();
        }
        try {
            Set<PosixFilePermission> permissions = posix.readAttributes().permissions();
            return permissions.stream().anyMatch(GROUP_OR_OTHERS::contains)
                    ? Optional.of("password file " + file + " has group or world access and is ignored; permissions should be u=rw (0600)"
                            + " or less: run chmod 0600 " + file)
                    : Optional.empty();
        } catch (IOException unreadable) {
            return Optional.of("password file " + file + " cannot be read (" + unreadable.getMessage() + ") and is ignored");
        }
    }

    /** libpq's {@code passwordFromFile}: each of the four fields matches exactly or is {@code *}; the password ends at an unescaped {@code :}. */
    private static Optional<String> passwordIfMatching(String line, String[] wanted) {
        int at = 0;
        for (String value : wanted) {
            at = matchField(line, at, value);
            if (at < 0) {
                return Optional.empty();
            }
        }
        StringBuilder password = new StringBuilder();
        for (int i = at; i < line.length() && line.charAt(i) != ':'; i++) {
            if (line.charAt(i) == '\\' && i + 1 < line.length()) {
                i++;
            }
            password.append(line.charAt(i));
        }
        return Optional.of(password.toString());
    }

    /** Where the next field starts when the field at {@code at} matches {@code value}, else -1. */
    private static int matchField(String line, int at, String value) {
        if (line.startsWith("*:", at)) {
            return at + 2;
        }
        int i = at;
        for (int v = 0; v < value.length(); v++, i++) {
            if (i < line.length() && line.charAt(i) == '\\' && i + 1 < line.length()) {
                i++;
            }
            if (i >= line.length() || line.charAt(i) != value.charAt(v)) {
                return -1;
            }
        }
        return i < line.length() && line.charAt(i) == ':' ? i + 1 : -1;
    }
}
