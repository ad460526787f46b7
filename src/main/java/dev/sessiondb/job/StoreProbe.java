package dev.sessiondb.job;

import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreLocator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Questions jobs ask about a store before touching it: is it there, is it the same as another. */
public final class StoreProbe {

    private StoreProbe() {
    }

    /** Files: the path exists. PostgreSQL: the store opens without being created. */
    public static boolean exists(StoreLocator locator) {
        if (locator.format() != StoreFormat.POSTGRESQL) {
            return Files.exists(locator.path());
        }
        try (SessionStore store = StoreFactory.open(locator, OpenMode.EXISTING)) {
            return true;
        } catch (StoreException absent) {
            return false;
        }
    }

    /**
     * Refuses a source that is not there, before anything is written. A server store is opened,
     * so the user reads the server's own reason (unreachable, wrong password, no such schema).
     */
    public static void requireSource(StoreLocator source) {
        if (source.format() == StoreFormat.POSTGRESQL) {
            StoreFactory.open(source, OpenMode.EXISTING).close();
        } else if (!Files.exists(source.path())) {
            throw new JobRefusedException("source " + source.display() + ": no such store; check the path or URL");
        }
    }

    /** Refuses when two of the stores a job names are one store: a job never writes to its own source. */
    public static void requireDistinct(java.util.List<StoreLocator> stores) {
        for (int i = 0; i < stores.size(); i++) {
            for (int j = i + 1; j < stores.size(); j++) {
                if (sameStore(stores.get(i), stores.get(j))) {
                    throw new JobRefusedException(stores.get(i).display() + " and " + stores.get(j).display()
                            + " are the same store; name each store once");
                }
            }
        }
    }

    /** Two locators name one store: the same real file or folder, or the same server, database and schema. */
    public static boolean sameStore(StoreLocator a, StoreLocator b) {
        return identity(a).equals(identity(b));
    }

    /**
     * The locator as parseable text without any password: what the backup journal keeps.
     * PostgreSQL then finds the password where libpq does (PGPASSWORD, ~/.pgpass).
     */
    public static String withoutPassword(StoreLocator locator) {
        return locator.withoutPassword().display();
    }

    private static String identity(StoreLocator locator) {
        if (locator.format() == StoreFormat.POSTGRESQL) {
            String url = locator.target().replaceFirst("//[^@/]*@", "//");
            return url.toLowerCase(Locale.ROOT) + "|" + locator.param("schema").orElse("public");
        }
        Path path = locator.path().toAbsolutePath().normalize();
        try {
            return Files.exists(path) ? path.toRealPath().toString() : path.toString();
        } catch (IOException e) {
            return path.toString();
        }
    }
}
