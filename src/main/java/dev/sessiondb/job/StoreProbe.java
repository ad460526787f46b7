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

    /** Two locators name one store: the same real file or folder, or the same server, database and schema. */
    public static boolean sameStore(StoreLocator a, StoreLocator b) {
        return identity(a).equals(identity(b));
    }

    /**
     * The locator as parseable text without any password: what the backup journal keeps.
     * PostgreSQL then finds the password where libpq does (PGPASSWORD, ~/.pgpass).
     */
    public static String withoutPassword(StoreLocator locator) {
        String shown = locator.display();
        return locator.format() == StoreFormat.POSTGRESQL ? shown.replaceFirst(":\\*\\*\\*@", "@") : shown;
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
