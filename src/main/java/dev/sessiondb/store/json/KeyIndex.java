package dev.sessiondb.store.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.Page;
import dev.sessiondb.model.SessionQuery;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.model.SortKey;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Every key of a checked JSON file in key order with the byte offset its record starts at,
 * taken during the check: a page in key order (what a table shows first) reads only its own
 * records, wherever it is in the file, instead of the whole file.
 */
final class KeyIndex {

    private final String[] keys;
    private final long[] offsets;

    private KeyIndex(String[] keys, long[] offsets) {
        this.keys = keys;
        this.offsets = offsets;
    }

    /** Collects keys and offsets in file order, then sorts them. */
    static final class Builder {

        private final List<String> keys = new ArrayList<>();
        private long[] offsets = new long[1024];

        void add(String key, long offset) {
            if (keys.size() == offsets.length) {
                offsets = Arrays.copyOf(offsets, offsets.length * 2);
            }
            offsets[keys.size()] = offset;
            keys.add(key);
        }

        KeyIndex build() {
            // String order: a page after a key finds it by Arrays.binarySearch
            int[] order = PackedKeySort.order(keys, Comparator.naturalOrder());
            String[] sortedKeys = new String[order.length];
            long[] sortedOffsets = new long[order.length];
            for (int i = 0; i < order.length; i++) {
                sortedKeys[i] = keys.get(order[i]);
                sortedOffsets[i] = offsets[order[i]];
            }
            return new KeyIndex(sortedKeys, sortedOffsets);
        }
    }

    /** The queries this index answers alone: every record, in key order (a keyset position allowed). */
    static boolean answers(SessionQuery query) {
        return query.search().isEmpty() && query.filters().isEmpty() && query.sort() == SortKey.SESSION;
    }

    /**
     * The page, its records read at their offsets; empty when a record is not where the index
     * says (the file changed under it), so the caller scans instead.
     */
    Optional<Page> page(Path file, SessionQuery query) {
        int first = query.afterKey() == null ? 0 : after(query.afterKey());
        int matching = keys.length - first;
        List<SessionRecord> records = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            for (long n = query.offset(); n < matching && records.size() < query.limit(); n++) {
                int position = query.descending() ? keys.length - 1 - (int) n : first + (int) n;
                Optional<SessionRecord> record = readAt(channel, offsets[position], keys[position]);
                if (record.isEmpty()) {
                    return Optional.empty();
                }
                records.add(record.get());
            }
        } catch (IOException | RuntimeException moved) {
            return Optional.empty();
        }
        return Optional.of(new Page(records, matching));
    }

    /** Whether the file held {@code key} when it was indexed. */
    boolean holds(String key) {
        return Arrays.binarySearch(keys, key) >= 0;
    }

    /** The record of {@code key}, read where it started when the file was indexed; empty when it is not there now (the file changed) or never was. */
    Optional<SessionRecord> read(Path file, String key) {
        int found = Arrays.binarySearch(keys, key);
        if (found < 0) {
            return Optional.empty();
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return readAt(channel, offsets[found], key);
        } catch (IOException | RuntimeException moved) {
            return Optional.empty();
        }
    }

    /** Index of the first key after {@code key}. */
    private int after(String key) {
        int found = Arrays.binarySearch(keys, key);
        return found >= 0 ? found + 1 : -found - 1;
    }

    /** The record of {@code key} read at {@code offset}; empty when another record, or none, starts there. */
    private static Optional<SessionRecord> readAt(FileChannel channel, long offset, String key) throws IOException {
        channel.position(offset);
        // not closed: closing the parser would close the channel the next record is read from
        JsonParser parser = JsonCodec.MAPPER.createParser(Channels.newInputStream(channel));
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return Optional.empty();
        }
        SessionRecord record = SessionRecord.ofParsed((ObjectNode) JsonCodec.FILE_TREE_READER.readTree(parser));
        return record.key().equals(key) ? Optional.of(record) : Optional.empty();
    }
}
