package dev.sessiondb.store.jsondir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Every file under a directory with its exact content, to prove a store was not changed by one byte. */
record DirectorySnapshot(Map<String, String> files) {

    static DirectorySnapshot of(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            return new DirectorySnapshot(paths.filter(Files::isRegularFile).collect(Collectors.toMap(
                    path -> directory.relativize(path).toString(), DirectorySnapshot::content, (a, b) -> a, TreeMap::new)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lock file appears with the first write and holds nothing. */
    DirectorySnapshot withoutLockFile() {
        Map<String, String> copy = new TreeMap<>(files);
        copy.remove(".sessiondb.lock");
        return new DirectorySnapshot(copy);
    }

    private static String content(Path file) {
        try {
            return HexFormat.of().formatHex(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
