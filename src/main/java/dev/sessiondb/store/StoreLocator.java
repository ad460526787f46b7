package dev.sessiondb.store;

import dev.sessiondb.model.SecretMasker;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a store is: {@code json:PATH}, {@code sqlite:PATH}, {@code jsondir:PATH},
 * {@code postgresql://user[:password]@host[:port]/db[?schema=S]} (also {@code postgres://}
 * and {@code jdbc:postgresql://}), or a bare path recognised by its content.
 * {@code ?layout=native|minsky|chat} overrides layout detection.
 *
 * @param target a file or directory path, or for PostgreSQL the URL without its query
 * @param params query parameters such as {@code layout} and {@code schema}
 * @param typed  a URL as the user wrote it, without its query, when its provider keeps it spelled otherwise
 *               ({@code postgres://} kept as {@code postgresql://}): what {@link #display()} shows, so that a message names
 *               the URL the user typed; null for one not typed so. It names the same store, so it takes no part in equality.
 */
public record StoreLocator(StoreFormat format, String target, Map<String, String> params, String typed) {

    /** A password given as a URL's parameter, as libpq takes it ({@code ?password=}): masked and never saved, as one before the host. */
    public static final String PASSWORD_PARAM = "password";

    public StoreLocator {
        params = Map.copyOf(params);
    }

    public StoreLocator(StoreFormat format, String target, Map<String, String> params) {
        this(format, target, params, null);
    }

    public static StoreLocator of(StoreFormat format, Path path) {
        return new StoreLocator(format, path.toString(), Map.of());
    }

    public static StoreLocator parse(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            throw new StoreException("empty store locator; give a path, json:PATH, sqlite:PATH, jsondir:PATH or postgresql://...");
        }
        int query = SecretMasker.queryStart(trimmed); // a '?' in a URL's password starts no query
        String base = query < 0 ? trimmed : trimmed.substring(0, query);
        Map<String, String> params = query < 0 ? Map.of() : parseParams(trimmed, trimmed.substring(query + 1));
        for (StoreProvider provider : StoreProviders.all()) {
            Optional<String> url = provider.url(base);
            if (url.isPresent()) {
                return new StoreLocator(provider.format(), url.get(), provider.params(trimmed, params), url.get().equals(base) ? null : base);
            }
        }
        String lower = base.toLowerCase(Locale.ROOT);
        for (StoreFormat format : StoreProviders.formats()) {
            if (lower.startsWith(format.scheme() + ":")) {
                String path = base.substring(format.scheme().length() + 1);
                requireFileOrFolder(path);
                return new StoreLocator(format, path, params);
            }
        }
        requireFileOrFolder(base);
        requireKnownKind(base);
        return new StoreLocator(detectFormat(Path.of(base)), base, params);
    }

    /**
     * A store is read more than once (its shape, then its records) and written by replacing it: a pipe ({@code -}, {@code /dev/stdin},
     * a shell's {@code <(...)}) can be neither, so it is refused with what to do instead of an error about the file's bytes or path.
     */
    private static void requireFileOrFolder(String path) {
        String saveIt = "a store must be a file: save it first, e.g. cat ... > s.json, and give s.json";
        if (path.equals("-")) {
            throw new StoreException("-: sessiondb does not read a store from standard input; " + saveIt);
        }
        Path file;
        try {
            file = Path.of(path);
        } catch (InvalidPathException notAPath) {
            return; // the store's own open names what is wrong with it
        }
        if (Files.exists(file) && !Files.isRegularFile(file) && !Files.isDirectory(file)) {
            throw new StoreException(path + " is a pipe or a device, not a file; " + saveIt);
        }
    }

    private static final Pattern KIND_PREFIX = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]+):.*");

    /** {@code mysql:/x} is a kind we do not know, not a relative path to create: unless such a path exists, say so. */
    private static void requireKnownKind(String base) {
        Matcher kind = KIND_PREFIX.matcher(base);
        if (kind.matches() && !Files.exists(Path.of(base))) {
            throw new StoreException(SecretMasker.maskUrlPasswords(base) + ": unknown store kind '" + kind.group(1)
                    + "'; use json:PATH, sqlite:PATH, jsondir:PATH or postgresql://user@host:port/database");
        }
    }

    /** The file or folder the store is kept in; empty for a store on a server. */
    public Optional<Path> localPath() {
        return isUrl() ? Optional.empty() : Optional.of(Path.of(target));
    }

    /** The file or folder name; a server store's database, with its schema when one is named ({@code sessions.team}): two schemas of one database are two stores. */
    public String shortName() {
        if (localPath().isEmpty()) {
            String url = display().replaceFirst("\\?.*$", "");
            String database = url.substring(url.lastIndexOf('/') + 1);
            String schema = params.get("schema");
            return schema == null || schema.isBlank() ? database : database + "." + schema;
        }
        return String.valueOf(path().getFileName());
    }

    public Path path() {
        if (isUrl()) {
            throw new IllegalStateException("a " + format.scheme() + " store has no path");
        }
        return Path.of(target);
    }

    /** The same store named from anywhere: a file or folder by its absolute path; a server locator as it is. */
    public StoreLocator absolute() {
        return isUrl() ? this : new StoreLocator(format, path().toAbsolutePath().normalize().toString(), params);
    }

    /** The layout named by {@code ?layout=}, when the user overrode detection. */
    public Optional<StoreLayout> layoutOverride() {
        return Optional.ofNullable(params.get("layout")).map(StoreLayout::parse);
    }

    public Optional<String> param(String name) {
        return Optional.ofNullable(params.get(name));
    }

    public StoreLocator withParam(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(params);
        copy.put(name, value);
        return new StoreLocator(format, target, copy, typed);
    }

    /** The same store without a parameter, named as typed. */
    public StoreLocator withoutParam(String name) {
        Map<String, String> copy = new LinkedHashMap<>(params);
        copy.remove(name);
        return new StoreLocator(format, target, copy, typed);
    }

    /** The same store without the password, in the URL or as a parameter ({@code ?password=}, {@code sslpassword=}): what may be saved (PostgreSQL then finds it where libpq does). */
    public StoreLocator withoutPassword() {
        if (!isUrl()) {
            return this;
        }
        Map<String, String> kept = new LinkedHashMap<>(params);
        kept.keySet().removeIf(SecretMasker::isSecretFieldName);
        // in the provider's own spelling: what is saved and compared as text (recent stores, the history) names a store one way
        return new StoreLocator(format, SecretMasker.withoutUrlPasswords(target), kept);
    }

    /** The locator as text, with any password masked (before the host or as a parameter such as {@code sslpassword=}): safe for logs, tables and reports. */
    public String display() {
        String shown = isUrl() ? SecretMasker.maskUrlPasswords(typed == null ? target : typed) : format.scheme() + ":" + target;
        if (params.isEmpty()) {
            return shown;
        }
        StringBuilder text = new StringBuilder(shown);
        char separator = '?';
        for (Map.Entry<String, String> param : new TreeMap<>(params).entrySet()) {
            text.append(separator).append(param.getKey()).append('=')
                    .append(SecretMasker.isSecretFieldName(param.getKey()) ? SecretMasker.MASK : param.getValue());
            separator = '&';
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return display();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoreLocator locator && format.equals(locator.format) && target.equals(locator.target) && params.equals(locator.params);
    }

    @Override
    public int hashCode() {
        return Objects.hash(format, target, params);
    }

    /** A store on a server or in a bucket, named by a URL, as its provider says ({@link StoreProvider#url}). */
    private boolean isUrl() {
        return StoreProviders.of(format).takesUrls();
    }

    private static Map<String, String> parseParams(String locator, String query) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new StoreException(SecretMasker.maskUrlPasswords(locator) + ": parameter '" + pair + "' has no value; write name=value");
            }
            params.put(pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    /**
     * A bare path: an existing file or folder is told by its content, a new file by its name; the providers decide. An existing
     * file whose first bytes no provider knows is read as its name says ({@code notes.json} starting with a comment), so that
     * its reader names what is wrong and where, as for the same file named with its format.
     */
    private static StoreFormat detectFormat(Path path) {
        if (Files.isDirectory(path)) {
            return StoreProviders.recognising(path).map(StoreProvider::format).orElseThrow(() -> new StoreException(path
                    + ": a folder without session files (*.json); prefix it with jsondir: if it is an empty magellai folder"));
        }
        if (Files.exists(path)) {
            return StoreProviders.recognising(path).or(() -> StoreProviders.claiming(path)).map(StoreProvider::format).orElseThrow(() -> new StoreException(path
                    + ": not a session store, neither JSON nor SQLite by its first bytes; if it is one, name its format before the path"
                    + " (json:PATH or sqlite:PATH)"));
        }
        return StoreProviders.claiming(path).map(StoreProvider::format).orElseThrow(() -> new StoreException(path
                + ": no such file or directory; give an existing store, or prefix a new one with json:, sqlite: or jsondir:"));
    }
}
