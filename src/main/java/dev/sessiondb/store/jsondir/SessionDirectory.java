package dev.sessiondb.store.jsondir;

import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.file.BadInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The session files of a directory store: which there are, and which key each holds. */
final class SessionDirectory {

    private final Path dir;

    SessionDirectory(Path dir) {
        this.dir = dir;
    }

    /**
     * Every {@code *.json} file directly in the directory, by name; other files are not sessions. A
     * {@code *.json} entry that cannot be read is refused rather than skipped, so no session goes unseen.
     */
    List<Path> files() {
        try (Stream<Path> entries = Files.list(dir)) {
            List<Path> sessionNamed = entries.filter(DirTransaction::isSessionFileName).sorted().toList();
            sessionNamed.stream().filter(path -> !Files.isRegularFile(path) || !Files.isReadable(path)).findFirst().ifPresent(unreadable -> {
                throw new StoreException(dir + ": " + unreadable.getFileName() + " is named like a session file but cannot be read as one"
                        + " (a folder, a broken link or no read permission); move it out of the folder or fix it; nothing was changed");
            });
            return sessionNamed;
        } catch (IOException e) {
            throw BadInput.unreadable(dir, e);
        }
    }

    /**
     * Reads every file and maps each key to its file name: the check that the whole store is
     * sound. A key held by two files is an error naming both.
     */
    Map<String, String> fileNamesByKey() {
        Map<String, String> names = new HashMap<>();
        for (Path file : files()) {
            String key = SessionFile.read(file).key();
            String name = file.getFileName().toString();
            String other = names.putIfAbsent(key, name);
            if (other != null) {
                throw new StoreException(dir + ": session '" + key + "' is in two files, " + other + " and " + name
                        + "; keep one of them; " + BadInput.ADVICE);
            }
        }
        return names;
    }

    /** When a session file or the directory last changed. */
    Instant lastModified() {
        try {
            FileTime latest = Files.getLastModifiedTime(dir);
            for (Path file : files()) {
                FileTime modified = Files.getLastModifiedTime(file);
                latest = modified.compareTo(latest) > 0 ? modified : latest;
            }
            return latest.toInstant();
        } catch (IOException e) {
            throw BadInput.unreadable(dir, e);
        }
    }

}
