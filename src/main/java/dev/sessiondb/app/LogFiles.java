package dev.sessiondb.app;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * Where the log goes ({@link LogConfiguration} reads {@value #DIRECTORY_PROPERTY}), made owner-only before
 * the first line is written: the folder {@code rwx------}, the current file {@code rw-------}.
 * Logback rolls the file by renaming it, which keeps its mode, inside the private folder.
 */
public final class LogFiles {

    public static final String DIRECTORY_PROPERTY = "sessiondb.log.dir";
    public static final String FILE_NAME = "sessiondb-admin.log";

    private LogFiles() {
    }

    /**
     * Points the log at {@code directory} unless {@code -Dsessiondb.log.dir} already did. Must run
     * before the first logger is created. A folder that cannot be made is left to logback, which
     * then says so on stderr once: the app runs without a log rather than not at all.
     */
    public static Path prepare(Path directory) {
        Path chosen = Path.of(System.getProperty(DIRECTORY_PROPERTY, directory.toString()));
        System.setProperty(DIRECTORY_PROPERTY, chosen.toString());
        try {
            Files.createDirectories(chosen);
            Path file = chosen.resolve(FILE_NAME);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(chosen, PosixFilePermissions.fromString("rwx------"));
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } catch (FileAlreadyExistsException kept) {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                }
            }
        } catch (IOException | UnsupportedOperationException | SecurityException notPrepared) {
            // logback reports the unwritable folder itself; nothing else depends on the log
        }
        return chosen.resolve(FILE_NAME);
    }

    /**
     * Why the log cannot be written in {@code directory}, if it cannot: the folder could not be made
     * (a file in its place), or the file or folder belongs to another user (one {@code sudo sessiondb}).
     */
    static Optional<String> whyUnwritable(Path directory) {
        Path file = directory.resolve(FILE_NAME);
        if (!Files.isDirectory(directory)) {
            return Optional.of("its folder could not be made");
        }
        if (Files.exists(file) ? !Files.isWritable(file) : !Files.isWritable(directory)) {
            return Optional.of((Files.exists(file) ? "the file" : "its folder") + " is not writable by this user");
        }
        return Optional.empty();
    }

    /** The current log file, as {@link #prepare} chose it. */
    public static Path current() {
        String directory = System.getProperty(DIRECTORY_PROPERTY);
        return directory == null ? Path.of("(no log file)") : Path.of(directory).resolve(FILE_NAME);
    }
}
