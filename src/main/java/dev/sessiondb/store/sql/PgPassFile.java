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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The libpq password file ({@code PGPASSFILE} or {@code ~/.pgpass}) read with libpq's rules:
 * {@code host:port:database:user:password} lines, the first match wins, a field of {@code *}
 * matches anything, {@code \} escapes {@code :} and {@code \} (so the IPv6 host {@code ::1} is
 * written {@code \:\:1}), {@code #} starts a comment, and a file that the group or others may
 * read is ignored with a warning, as libpq does.
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

    private PgPassFile() {
    }

    static Optional<String> lookup(Path file, String host, int port, String database, String user) {
        if (!Files.isRegularFile(file) || !ownerOnly(file)) {
            return Optional.empty();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            return Optional.empty();
        }
        String[] wanted = {host, String.valueOf(port), database, user};
        for (String line : lines) {
            if (line.startsWith("#")) {
                continue;
            }
            Optional<String> password = passwordIfMatching(line, wanted);
            if (password.isPresent()) {
                return password;
            }
        }
        return Optional.empty();
    }

    private static boolean ownerOnly(Path file) {
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (posix == null) {
            return true;
        }
        try {
            Set<PosixFilePermission> permissions = posix.readAttributes().permissions();
            if (permissions.stream().anyMatch(GROUP_OR_OTHERS::contains)) {
                LOG.warn("password file {} has group or world access and is ignored; permissions should be u=rw (chmod 0600 {})", file, file);
                return false;
            }
            return true;
        } catch (IOException unreadable) {
            return false;
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
