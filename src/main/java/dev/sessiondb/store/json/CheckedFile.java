package dev.sessiondb.store.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.store.RepeatedSessionsException;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.file.BadInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.ObjLongConsumer;

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

    /** Checks made in this process, without their key index, so that a store opened again (a job's run after its plan) knows its count. */
    private static final Map<Path, CheckedFile> RECENT = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Path, CheckedFile> eldest) {
            return size() > 16;
        }
    };

    static synchronized void keep(Path file, CheckedFile check) {
        RECENT.put(file, new CheckedFile(check.stamp(), check.count(), check.shape(), Optional.empty()));
    }

    /** The last check of {@code file} in this process, whether or not the file changed since. */
    static synchronized Optional<CheckedFile> lastOf(Path file) {
        return Optional.ofNullable(RECENT.get(file));
    }

    boolean isCurrent(Path file) {
        return Objects.equals(stamp, Stamp.of(file));
    }

    /** Reads the whole file in bounded memory and throws a {@link StoreException} naming the first problem. */
    static CheckedFile check(Path file) {
        KeyIndex.Builder index = new KeyIndex.Builder();
        CheckedFile checked = checkKeys(file, index::add);
        return new CheckedFile(checked.stamp(), checked.count(), checked.shape(), Optional.of(index.build()));
    }

    /**
     * The same check without the key index, for a look at what the file holds (a job's target named): the index kept every
     * key of the file, and was sorted, for pages that a look never reads.
     */
    static CheckedFile checkWithoutIndex(Path file) {
        return checkKeys(file, (key, offset) -> { });
    }

    private static CheckedFile checkKeys(Path file, ObjLongConsumer<String> eachKey) {
        WhileReading check = new WhileReading(file);
        JsonShape shape;
        try (JsonRecordReader reader = JsonRecordReader.open(file)) {
            String key;
            while ((key = reader.nextKey()) != null) {
                check.add(key);
                eachKey.accept(key, reader.recordOffset());
            }
            shape = reader.shape();
        }
        return check.finish(shape);
    }

    /**
     * The same check made while the records are read for another purpose (a job's one pass), so
     * the file is not read once more before them; the key index is left for the first page that
     * needs it.
     */
    static final class WhileReading {

        private final Path file;
        private final Stamp stamp;
        private final DuplicateKeyFinder duplicates = new DuplicateKeyFinder();
        private long count;

        /** Taken before the first record is read: a file replaced during the read is checked again when next asked. */
        WhileReading(Path file) {
            this.file = file;
            this.stamp = Stamp.of(file);
        }

        void add(String key) {
            duplicates.add(key);
            count++;
        }

        /** After the last record: the check, or a {@link StoreException} naming both records of a key found twice. */
        CheckedFile finish(JsonShape shape) {
            Set<Long> repeated = duplicates.repeatedHashes();
            if (!repeated.isEmpty()) {
                confirmNoDuplicates(file, repeated);
            }
            return new CheckedFile(stamp, count, shape, Optional.empty());
        }
    }

    /** Second pass over the records whose key hash repeated: real duplicates are an error naming both records of each. */
    private static void confirmNoDuplicates(Path file, Set<Long> repeated) {
        Map<String, FirstRecord> firstSeen = new HashMap<>();
        List<RepeatedSessionsException.Repeat> repeats = new ArrayList<>();
        try (JsonRecordReader reader = JsonRecordReader.open(file)) {
            ObjectNode fields;
            while ((fields = reader.nextFields()) != null) {
                String key = SessionRecord.keyOf(fields).orElseThrow();
                if (!repeated.contains(DuplicateKeyFinder.hash(key))) {
                    continue;
                }
                String here = "record " + reader.recordNumber() + " (" + BadInput.position(reader.recordLocation()) + ")";
                FirstRecord earlier = firstSeen.putIfAbsent(key, new FirstRecord(here, fields));
                if (earlier != null) {
                    repeats.add(new RepeatedSessionsException.Repeat(key, earlier.where(), here,
                            JsonCodec.compact(earlier.fields()).equals(JsonCodec.compact(fields)), differing(earlier.fields(), fields)));
                }
            }
        }
        if (!repeats.isEmpty()) {
            throw new RepeatedSessionsException(file.toString(), repeats, BadInput.ADVICE);
        }
    }

    /** A session's first record, kept while the pass looks for its repeat: only records whose key hash repeated. */
    private record FirstRecord(String where, ObjectNode fields) {
    }

    /** The names of the fields whose values differ, in the order the records name them. */
    private static List<String> differing(ObjectNode first, ObjectNode second) {
        Set<String> names = new LinkedHashSet<>();
        first.fieldNames().forEachRemaining(names::add);
        second.fieldNames().forEachRemaining(names::add);
        return names.stream().filter(name -> !Objects.equals(first.get(name), second.get(name))).toList();
    }
}
