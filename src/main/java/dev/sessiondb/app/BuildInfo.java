package dev.sessiondb.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version and git commit this build was made from, as the build wrote them into
 * {@code version.properties} and {@code commit.properties}. A build outside git (a source
 * tarball) says "unknown commit".
 */
public record BuildInfo(String version, String commit) {

    private static final String UNKNOWN = "unknown";

    public static BuildInfo current() {
        Properties properties = new Properties();
        load(properties, "version.properties");
        load(properties, "commit.properties");
        return new BuildInfo(filled(properties.getProperty("version")), filled(properties.getProperty("commit")));
    }

    /** "0.1.0-SNAPSHOT (commit 1986a14c2e)". */
    public String describe() {
        return version + " (" + (commit.equals(UNKNOWN) ? "unknown commit" : "commit " + commit) + ")";
    }

    private static void load(Properties properties, String name) {
        try (InputStream in = BuildInfo.class.getResourceAsStream("/dev/sessiondb/" + name)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException(name + " in the jar cannot be read", unreadable);
        }
    }

    /** A value the build did not fill (no git, or classes run without Maven's resources) reads "unknown". */
    private static String filled(String value) {
        return value == null || value.isBlank() || value.startsWith("${") ? UNKNOWN : value;
    }
}
