package dev.sessiondb.store.json;

import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.file.BadInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A store file read through once and found sound: valid JSON of a known shape, every record
 * an object with a key, no key twice. Remembers which version of the file it checked, so the
 * check is repeated only when the file changed.
 *
 * @param stamp what identified the file's content when it was checked
 * @param count how many records it holds
 * @param index keys and where their records start; absent after a write, until the next check
 */
record CheckedFile(Stamp stamp, long count, JsonShape shape, Optional<KeyIndex> index) {

    /** Identity, size and modification time: a replaced or rewritten file gets a new stamp. */
    record Stamp(Object fileKey, long size, FileTime modified) {

        static Stamp of(Path file) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                return new Stamp(attributes.fileKey(), attributes.size(), attributes.lastModifiedTime());
            } catch (IOException e) {
                throw BadInput.unreadable(file, e);
            }
        }
    }

    boolean isCurrent(Path file) {
        return Objects.equals(stamp, Stamp.of(file));
    }

    /** Reads the whole file in bounded memory and throws a {@link StoreException} naming the first problem. */
    static CheckedFile check(Path file) {
        Stamp stamp = Stamp.of(file);
        DuplicateKeyFinder duplicates = new DuplicateKeyFinder();
        KeyIndex.Builder index = new KeyIndex.Builder();
        long count = 0;
        JsonShape shape;
        try (JsonRecordReader reader = JsonRecordReader.open(file)) {
            String key;
            while ((key = reader.nextKey()) != null) {
                duplicates.add(key);
                index.add(key, reader.recordOffset());
                count++;
            }
            shape = reader.shape();
        }
        Set<Long> repeated = duplicates.repeatedHashes();
        if (!repeated.isEmpty()) {
            confirmNoDuplicates(file, repeated);
        }
        return new CheckedFile(stamp, count, shape, Optional.of(index.build()));
    }

    /** Second pass over the records whose key hash repeated: a real duplicate is an error naming both records. */
    private static void confirmNoDuplicates(Path file, Set<Long> repeated) {
        Map<String, String> firstSeen = new HashMap<>();
        try (JsonRecordReader reader = JsonRecordReader.open(file)) {
            String key;
            while ((key = reader.nextKey()) != null) {
                if (!repeated.contains(DuplicateKeyFinder.hash(key))) {
                    continue;
                }
                String here = "record " + reader.recordNumber() + " (" + BadInput.position(reader.recordLocation()) + ")";
                String earlier = firstSeen.putIfAbsent(key, here);
                if (earlier != null) {
                    throw new StoreException(file + ": session '" + key + "' appears twice, in " + earlier
                            + " and in " + here + "; keep one of them; " + BadInput.ADVICE);
                }
            }
        }
    }
}
