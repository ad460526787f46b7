package dev.sessiondb.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version and git commit this build was made from, as the build wrote them into
 * {@code version.properties}. A build outside git (a source tarball) says "unknown commit".
 */
public record BuildInfo(String version, String commit, boolean dirty) {

    private static final String UNKNOWN = "unknown";

    public static BuildInfo current() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/dev/sessiondb/version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException("version.properties in the jar cannot be read", unreadable);
        }
        return new BuildInfo(filled(properties.getProperty("version")), filled(properties.getProperty("commit")),
                "true".equals(properties.getProperty("dirty")));
    }

    /** "0.1.0-SNAPSHOT (commit 1986a14c2e)", with "+ local changes" for a build from a dirty tree. */
    public String describe() {
        String commitText = commit.equals(UNKNOWN) ? "unknown commit" : "commit " + commit + (dirty ? " + local changes" : "");
        return version + " (" + commitText + ")";
    }

    /** A value the build did not fill (no git, or classes run without Maven's resource filtering) reads "unknown". */
    private static String filled(String value) {
        return value == null || value.isBlank() || value.startsWith("${") ? UNKNOWN : value;
    }
}
