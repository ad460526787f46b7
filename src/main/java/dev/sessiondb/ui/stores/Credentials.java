package dev.sessiondb.ui.stores;

import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.ui.common.DialogService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the password of a PostgreSQL store without ever saving it: the URL itself, a password
 * typed earlier in this run, {@code ~/.pgpass}, {@code PGPASSWORD}, else a prompt.
 */
public final class Credentials {

    private static final Pattern URL = Pattern.compile("postgresql://(?:([^:@/]*)(?::([^@/]*))?@)?([^:/?]+)(?::(\\d+))?/([^?]*)");

    private final Path pgpass;
    private final Map<String, String> env;
    private final Map<String, String> typedThisRun = new HashMap<>();

    public Credentials(Path pgpass, Map<String, String> env) {
        this.pgpass = pgpass;
        this.env = env;
    }

    /** The locator as it may be saved: the same store, the password removed. */
    public static StoreLocator withoutPassword(StoreLocator locator) {
        Matcher url = URL.matcher(locator.target());
        if (locator.format() != StoreFormat.POSTGRESQL || !url.lookingAt() || url.group(2) == null) {
            return locator;
        }
        String rest = locator.target().substring(url.end(2));
        return new StoreLocator(locator.format(), "postgresql://" + url.group(1) + rest, locator.params());
    }

    /**
     * The locator ready to open: with its password for PostgreSQL (asking the user when no
     * source knows it), unchanged otherwise; empty when the user cancelled the prompt.
     */
    public Optional<StoreLocator> complete(StoreLocator locator, DialogService dialogs) {
        Matcher url = URL.matcher(locator.target());
        if (locator.format() != StoreFormat.POSTGRESQL || !url.lookingAt() || url.group(2) != null) {
            return Optional.of(locator);
        }
        String user = url.group(1) == null ? env.getOrDefault("PGUSER", "") : url.group(1);
        String host = url.group(3);
        String port = url.group(4) == null ? "5432" : url.group(4);
        String database = url.group(5);
        String key = user + "@" + host + ":" + port + "/" + database;
        Optional<String> password = Optional.ofNullable(typedThisRun.get(key))
                .or(() -> fromPgpass(host, port, database, user))
                .or(() -> Optional.ofNullable(env.get("PGPASSWORD")))
                .or(() -> dialogs.askPassword("Password for " + key, "Password (kept in memory for this run only)")
                        .map(typed -> {
                            typedThisRun.put(key, typed);
                            return typed;
                        }));
        return password.map(secret -> new StoreLocator(locator.format(), "postgresql://" + user + ":" + encode(secret) + "@"
                + locator.target().substring(url.start(3)), locator.params()));
    }

    /** The first matching line of {@code ~/.pgpass} ({@code host:port:database:user:password}, {@code *} matches anything). */
    Optional<String> fromPgpass(String host, String port, String database, String user) {
        if (!Files.isReadable(pgpass)) {
            return Optional.empty();
        }
        try {
            for (String line : Files.readAllLines(pgpass)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                List<String> parts = splitPgpassLine(line);
                if (parts.size() == 5 && matches(parts.get(0), host) && matches(parts.get(1), port)
                        && matches(parts.get(2), database) && matches(parts.get(3), user)) {
                    return Optional.of(parts.get(4));
                }
            }
        } catch (IOException unreadable) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static boolean matches(String pattern, String value) {
        return pattern.equals("*") || pattern.equals(value);
    }

    /** Splits on {@code :} while honouring {@code \:} and {@code \\} escapes. */
    private static List<String> splitPgpassLine(String line) {
        List<String> parts = new java.util.ArrayList<>();
        StringBuilder part = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                part.append(line.charAt(++i));
            } else if (c == ':') {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        return parts;
    }

    private static String encode(String secret) {
        return java.net.URLEncoder.encode(secret, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
