package dev.sessiondb.job;

import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreFaults;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.StoreProviders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Questions jobs ask about a store before touching it: is it there, is it the same as another. */
public final class StoreProbe {

    private StoreProbe() {
    }

    /** Whether the store exists, as its provider tells (files: the path; a server: it opens without being created). */
    public static boolean exists(StoreLocator locator) {
        return StoreProviders.of(locator).exists(locator);
    }

    /**
     * Refuses a source that is not there, before anything is written. A store without a local
     * path is opened, so the user reads the server's own reason (unreachable, wrong password, no such schema).
     */
    public static void requireSource(StoreLocator source) {
        openSource(source).close();
    }

    /**
     * Opens a job's source for reading, once; refuses one that is not there, naming it. A JSON
     * file is checked by the job's first read through it, not by a read of its own before.
     */
    public static SessionStore openSource(StoreLocator source) {
        // a file that is no store yet (an empty database file) is there: its open says what it is
        requireLocalFile(source, "source ");
        // not refused when damaged (a store a job writes into is): copying out what a damaged file still reads is how a user
        // rescues it, and a read that meets a damaged page stops the job with what to do
        return StoreFactory.openToReadThrough(source);
    }

    /**
     * Refuses a store its own engine finds damaged (SQLite's quick_check), before a job writes
     * into it: a damaged index page reads as if whole, and the first write that meets it fails.
     */
    public static void requireUndamaged(StoreLocator store) {
        requireLocalFile(store, ""); // else SQLite, asked to check a file that is not there, says it cannot open it, which reads as "permission denied"
        List<StoreFaults.Fault> faults = StoreProviders.of(store).damage(store);
        if (!faults.isEmpty()) {
            throw new JobRefusedException(store.display() + ": " + faults.stream().map(StoreFaults.Fault::what).collect(Collectors.joining("; "))
                    + "; nothing was written; " + faults.stream().map(StoreFaults.Fault::todo).distinct().collect(Collectors.joining("; ")));
        }
    }

    private static void requireLocalFile(StoreLocator store, String role) {
        if (store.localPath().filter(path -> !Files.exists(path)).isPresent()) {
            throw new JobRefusedException(role + store.display() + ": no such store; check the path or URL");
        }
    }

    /** Refuses when two of the stores a job names are one store: a job never writes to its own source. */
    public static void requireDistinct(List<StoreLocator> stores) {
        for (int i = 0; i < stores.size(); i++) {
            for (int j = i + 1; j < stores.size(); j++) {
                if (sameStore(stores.get(i), stores.get(j))) {
                    throw new JobRefusedException(stores.get(i).display() + " and " + stores.get(j).display()
                            + " are the same store; name each store once");
                }
                requireOutside(stores.get(i), stores.get(j));
                requireOutside(stores.get(j), stores.get(i));
            }
        }
    }

    /**
     * A store inside a folder store would become one of its files: a job writing a file into the
     * folder it reads changed its source (the folder then held a file that is no session), and a
     * folder written around a file read from it could replace that file.
     */
    private static void requireOutside(StoreLocator store, StoreLocator folder) {
        Optional<Path> folderPath = StoreProviders.of(folder).folderOf(folder).map(StoreProbe::realOrAbsolute);
        if (folderPath.isEmpty() || store.localPath().isEmpty()) {
            return;
        }
        if (realOrAbsolute(store.path()).startsWith(folderPath.get())) {
            throw new JobRefusedException(store.display() + " is inside the folder store " + folder.display()
                    + ", so the job would write into a store it reads; choose a path outside the folder");
        }
    }

    /** The path through links, or for a path not made yet, its nearest existing folder's real path joined with the rest. */
    static Path realOrAbsolute(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        try {
            return Files.exists(absolute) ? absolute.toRealPath() : realOrAbsolute(absolute.getParent(), absolute.getFileName());
        } catch (IOException e) {
            return absolute;
        }
    }

    /** A path not made yet, by its nearest existing folder's real path: a new file in a linked folder is still in it. */
    private static Path realOrAbsolute(Path parent, Path name) {
        return parent == null ? name : realOrAbsolute(parent).resolve(name);
    }

    /** Two locators name one store: the same real file or folder, or the same server, database and schema. */
    public static boolean sameStore(StoreLocator a, StoreLocator b) {
        return StoreProviders.of(a).identity(a).equals(StoreProviders.of(b).identity(b));
    }

    /**
     * The locator as parseable text without any password: what the backup journal keeps.
     * PostgreSQL then finds the password where libpq does (PGPASSWORD, ~/.pgpass).
     */
    public static String withoutPassword(StoreLocator locator) {
        return locator.withoutPassword().display();
    }
}
