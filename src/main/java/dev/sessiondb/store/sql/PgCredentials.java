package dev.sessiondb.store.sql;

import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.selection.MinskyPaths;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import java.util.Optional;
import java.util.function.Function;
import org.postgresql.PGEnvironment;

/**
 * Where and as whom to connect to PostgreSQL: the one resolver the CLI, the jobs and the app
 * share, in libpq's order. Each part comes from the URL, else its {@code PG*} variable
 * ({@code PGHOST}, {@code PGPORT}, {@code PGDATABASE}, {@code PGUSER}), else libpq's default;
 * the password from the URL, else {@code PGPASSWORD}, else the password file
 * ({@code PGPASSFILE} or {@code ~/.pgpass}, see {@link PgPassFile}). An IPv6 host is written
 * {@code [::1]} in the URL. The password never leaves this object except to the driver.
 *
 * @param password              null when no source knows it (the app then asks the user)
 * @param passwordFileIgnored   why the password file was not read (others may read it), said when no password was given; null when it was read or absent
 */
public record PgCredentials(String host, int port, String database, String user, String password, String passwordFileIgnored) {

    private static final int DEFAULT_PORT = 5432;
    private static final String PREFIX = "postgresql://";

    static {
        // given no password, pgjdbc reads PGPASSFILE or user.home's .pgpass itself, with neither libpq's permission check nor
        // $HOME: pointed at a file no user makes (in the Java installation), it leaves the password file to this resolver alone
        System.setProperty("org.postgresql.pgpassfile", Path.of(System.getProperty("java.home"), "no-pgpass-sessiondb-admin-reads-it-itself").toString());
    }

    public PgCredentials(String host, int port, String database, String user, String password) {
        this(host, port, database, user, password, null);
    }

    /** Who hears, once a run, that a password file was ignored (besides the log): the CLI's stderr, the window's status line. */
    public static void sendPasswordFileWarningsTo(Consumer<String> listener) {
        PgPassFile.sendWarningsTo(listener);
    }

    @Override
    public String toString() {
        return "PgCredentials[" + account() + "]";
    }

    /** The account these credentials log in to, {@code user@host:port/database}: what a password belongs to. */
    public String account() {
        return user + "@" + urlHost() + ":" + port + "/" + database;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + urlHost() + ":" + port + "/" + database;
    }

    /** The same connection with this password: what the app opens after asking the user. */
    public PgCredentials withPassword(String typed) {
        return new PgCredentials(host, port, database, user, typed);
    }

    /**
     * The locator spelled out with everything resolved, the password included, so that opening it
     * anywhere later connects exactly as resolved here. Never shown: {@link StoreLocator#display()} masks it.
     */
    public StoreLocator toLocator(Map<String, String> params) {
        String userInfo = encode(user) + (password == null ? "" : ":" + encode(password));
        return new StoreLocator(StoreFormat.POSTGRESQL, PREFIX + userInfo + "@" + urlHost() + ":" + port + "/" + encode(database), params);
    }

    /** Passwords given by hand in this run, by {@link #account()}: none unless the desktop app supplies its own (see {@link #useTypedPasswords}). */
    private static volatile Function<String, Optional<String>> typedThisRun = account -> Optional.empty();

    /**
     * Makes the passwords a person typed in this run the last source asked, after the URL, {@code PGPASSWORD} and the
     * password file: every reopening of a store (an undo, the history, a diff) then logs in as the first opening did.
     */
    public static void useTypedPasswords(Function<String, Optional<String>> typed) {
        typedThisRun = typed;
    }

    /** With the process environment and the user's home ({@code $HOME} first, as libpq), as the CLI and the app run. */
    public static PgCredentials resolve(StoreLocator locator) {
        return resolve(locator, System.getenv(), MinskyPaths.userHome(System.getenv()));
    }

    /** With the environment and home directory given, so that resolution is tested without touching the real ones. */
    public static PgCredentials resolve(StoreLocator locator, Map<String, String> env, Path home) {
        if (locator.format() != StoreFormat.POSTGRESQL) {
            throw new IllegalArgumentException(locator.display() + " is not a PostgreSQL store");
        }
        String rest = locator.target().substring(PREFIX.length());
        String userInfo = "";
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            userInfo = rest.substring(0, at);
            rest = rest.substring(at + 1);
        }
        int slash = rest.indexOf('/');
        String hostPort = slash < 0 ? rest : rest.substring(0, slash);
        String database = slash < 0 ? "" : decode(rest.substring(slash + 1));
        int colon = userInfo.indexOf(':');
        // libpq also takes both as the URL's parameters (?user=...&password=...)
        String user = firstNonBlank(decode(colon < 0 ? userInfo : userInfo.substring(0, colon)), locator.param("user").orElse(null), "");
        String password = colon < 0 ? locator.param(StoreLocator.PASSWORD_PARAM).orElse(null) : decode(userInfo.substring(colon + 1));

        String host = hostPort;
        String portText = "";
        int portColon = hostPort.lastIndexOf(':');
        int bracket = hostPort.lastIndexOf(']');
        if (portColon > bracket && (bracket >= 0 || hostPort.indexOf(':') == portColon)) {
            host = hostPort.substring(0, portColon);
            portText = hostPort.substring(portColon + 1);
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }

        String resolvedHost = firstNonBlank(host, env.get("PGHOST"), "localhost");
        String resolvedUser = firstNonBlank(user, env.get("PGUSER"), System.getProperty("user.name"));
        String resolvedDatabase = firstNonBlank(database, env.get("PGDATABASE"), resolvedUser);
        int port = parsePort(locator, firstNonBlank(portText, env.get("PGPORT"), String.valueOf(DEFAULT_PORT)));
        // libpq takes an empty PGPASSWORD as unset and goes on to the password file
        if (password == null && env.get("PGPASSWORD") != null && !env.get("PGPASSWORD").isEmpty()) {
            password = env.get("PGPASSWORD");
        }
        if (password != null) {
            return new PgCredentials(resolvedHost, port, resolvedDatabase, resolvedUser, password);
        }
        PgPassFile.Lookup file = PgPassFile.lookup(passwordFile(env, home), resolvedHost, port, resolvedDatabase, resolvedUser);
        String found = file.password() != null ? file.password()
                : typedThisRun.apply(new PgCredentials(resolvedHost, port, resolvedDatabase, resolvedUser, null).account()).orElse(null);
        return new PgCredentials(resolvedHost, port, resolvedDatabase, resolvedUser, found, file.ignoredBecause());
    }

    private String urlHost() {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    private static Path passwordFile(Map<String, String> env, Path home) {
        String named = env.get(PGEnvironment.PGPASSFILE.getName());
        return named != null && !named.isBlank() ? Path.of(named) : home.resolve(".pgpass");
    }

    private static int parsePort(StoreLocator locator, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new StoreException(locator.display() + ": port '" + text + "' is not a number; write host:5432");
        }
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return "";
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
