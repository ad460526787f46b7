package dev.sessiondb.store.sql;

import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreLocator;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where and as whom to connect to PostgreSQL, resolved like libpq does: the URL first, then
 * {@code PGUSER}, {@code PGPASSWORD}, {@code PGHOST}, {@code PGPORT}, {@code PGDATABASE}, then the
 * password file ({@code PGPASSFILE} or {@code ~/.pgpass}). The password never leaves this object
 * except to the driver.
 */
public record PgCredentials(String host, int port, String database, String user, String password) {

    private static final int DEFAULT_PORT = 5432;

    @Override
    public String toString() {
        return "PgCredentials[" + user + "@" + host + ":" + port + "/" + database + "]";
    }

    public String jdbcUrl() {
        String shownHost = host.contains(":") ? "[" + host + "]" : host;
        return "jdbc:postgresql://" + shownHost + ":" + port + "/" + database;
    }

    public static PgCredentials resolve(StoreLocator locator, Map<String, String> env, Path home) {
        String rest = locator.target().substring("postgresql://".length());
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
        String user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
        String password = colon < 0 ? null : decode(userInfo.substring(colon + 1));

        String host = hostPort;
        String portText = "";
        int portColon = hostPort.lastIndexOf(':');
        if (portColon >= 0 && !hostPort.endsWith("]")) {
            host = hostPort.substring(0, portColon);
            portText = hostPort.substring(portColon + 1);
        }
        host = host.replace("[", "").replace("]", "");

        String resolvedHost = firstNonBlank(host, env.get("PGHOST"), "localhost");
        String resolvedUser = firstNonBlank(user, env.get("PGUSER"), System.getProperty("user.name"));
        String resolvedDatabase = firstNonBlank(database, env.get("PGDATABASE"), resolvedUser);
        int port = parsePort(locator, firstNonBlank(portText, env.get("PGPORT"), String.valueOf(DEFAULT_PORT)));
        if (password == null) {
            password = Optional.ofNullable(env.get("PGPASSWORD"))
                    .or(() -> passwordFile(env, home).flatMap(file -> PgPassFile.lookup(file, resolvedHost, port, resolvedDatabase, resolvedUser)))
                    .orElse(null);
        }
        return new PgCredentials(resolvedHost, port, resolvedDatabase, resolvedUser, password);
    }

    private static Optional<Path> passwordFile(Map<String, String> env, Path home) {
        String named = env.get("PGPASSFILE");
        Path file = named != null && !named.isBlank() ? Path.of(named) : home.resolve(".pgpass");
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
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

    /** The libpq password file: {@code host:port:database:user:password} lines, {@code *} matches anything, {@code \} escapes. */
    static final class PgPassFile {

        private PgPassFile() {
        }

        static Optional<String> lookup(Path file, String host, int port, String database, String user) {
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return Optional.empty();
            }
            String[] wanted = {host, String.valueOf(port), database, user};
            for (String line : lines) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                List<String> fields = split(line);
                if (fields.size() == 5 && matches(fields, wanted)) {
                    return Optional.of(fields.get(4));
                }
            }
            return Optional.empty();
        }

        private static boolean matches(List<String> fields, String[] wanted) {
            for (int i = 0; i < wanted.length; i++) {
                String field = fields.get(i);
                boolean localhost = i == 0 && field.equals("localhost") && wanted[i].equals("127.0.0.1");
                if (!field.equals("*") && !field.equals(wanted[i]) && !localhost) {
                    return false;
                }
            }
            return true;
        }

        private static List<String> split(String line) {
            List<String> fields = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '\\' && i + 1 < line.length()) {
                    current.append(line.charAt(++i));
                } else if (c == ':' && fields.size() < 4) {
                    fields.add(current.toString());
                    current.setLength(0);
                } else {
                    current.append(c);
                }
            }
            fields.add(current.toString());
            return fields;
        }
    }
}
