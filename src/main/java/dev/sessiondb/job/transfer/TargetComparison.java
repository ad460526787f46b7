package dev.sessiondb.job.transfer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.model.RecordHash;
import dev.sessiondb.model.SecretMasker;
import dev.sessiondb.model.SessionKind;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.HashCursor;
import dev.sessiondb.store.ReadAhead;
import dev.sessiondb.store.RecordCursor;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoredHash;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a merge or a replace would do to each record of a target that holds some, for its plan:
 * which records are new to it, which replace a different version, which it holds already, and
 * how many of its own the source lacks.
 *
 * <p>Decided by content, in the verification's two steps: the target's hashes as it stores them
 * (its text, read without parsing a record) against each source record's as the plan scans it;
 * a record whose hash differs may still be equal field by field (another program's field order),
 * so those alone are then compared by their canonical hashes ({@link ExpectedHashes#takeByContent}).</p>
 */
public final class TargetComparison {

    /** Replaced records named, with the fields that differ; the rest are counted. */
    private static final int NAMED = 5;
    private final SessionStore target;
    private final ExpectedHashes targetHashes = new ExpectedHashes();
    /** The canonical hash of each source record whose stored hash differs from the target's. */
    private final ExpectedHashes differing = new ExpectedHashes();
    /** The first few such records as the target would store them, to name the fields that differ if they are replaced. */
    private final Map<String, ObjectNode> firstDiffering = new LinkedHashMap<>();
    private final List<String> firstReplaced = new ArrayList<>();
    /** The keys whose record the target stores as other text but with the same content: it holds them as they are. */
    private final Set<String> sameByContent = new HashSet<>();
    private long added;
    private long replaced;
    private long same;

    private TargetComparison(SessionStore target) {
        this.target = target;
    }

    /** Reads the target's hashes once; stops when the monitor asks. */
    static TargetComparison reading(SessionStore target, ProgressMonitor monitor) {
        monitor.message("reading the target");
        TargetComparison comparison = new TargetComparison(target);
        long total = target.knownCount().orElse(-1);
        long done = 0;
        try (HashCursor cursor = ReadAhead.hashes(target.hashesInAnyOrder())) {
            while (cursor.hasNext()) {
                StoredHash stored = cursor.next();
                comparison.targetHashes.expect(stored.key(), stored.hash());
                monitor.progress(++done, total);
                monitor.checkCancelled();
            }
        }
        return comparison;
    }

    /** One source record, as the plan scans it. */
    void add(SessionRecord record) {
        switch (targetHashes.take(record.key(), target.hashAsStored(record))) {
            case MATCHED -> same++;
            case DIFFERENT -> {
                ObjectNode asStored = target.asStored(record);
                differing.expect(record.key(), RecordHash.of(asStored));
                if (firstDiffering.size() < NAMED) {
                    firstDiffering.put(record.key(), asStored);
                }
            }
            // a key the target lacks (or one the source holds twice, counted again: its later record is the one written)
            case UNEXPECTED -> added++;
        }
    }

    /** Compares the records whose stored hash differed by their content; after the last {@link #add}. */
    void settle(ProgressMonitor monitor) {
        if (differing.size() == 0) {
            return;
        }
        monitor.message("comparing records that differ");
        differing.takeByContent(target, monitor, (stored, found) -> {
            if (found == ExpectedHashes.Found.MATCHED) {
                same++;
                sameByContent.add(stored.key());
                return;
            }
            replaced++;
            if (firstReplaced.size() < NAMED) {
                // the fields are known for the first records whose text differed; a later one is named by its key alone
                ObjectNode incoming = firstDiffering.get(stored.key());
                String key = SecretMasker.maskText("session", stored.key());
                firstReplaced.add(incoming == null ? key
                        : key + " (" + String.join(", ", Verification.differingFields(incoming, target.asStored(stored))) + ")");
            }
        });
    }

    /**
     * The records of {@code records} a merge writes: those the target does not hold as they are, each told by its stored hash
     * (or its content, where the stored text differs) as the plan told it. Every record is hashed into {@code hashes} first, as
     * verification expects each. A key the source holds twice is written from its first version the target lacks on, so the
     * target ends with its last version. Valid while the target is as this comparison read it (the write checks its fingerprint).
     */
    RecordCursor changesOnly(RecordCursor records, ExpectedHashes hashes) {
        Set<String> rewritten = new HashSet<>();
        return RecordCursor.filtering(records, record -> {
            String hash = target.hashAsStored(record);
            hashes.expect(record.key(), hash);
            if (!rewritten.contains(record.key()) && holdsAsItIs(record, hash)) {
                return false;
            }
            if (targetHashes.expects(record.key())) {
                rewritten.add(record.key());
            }
            return true;
        });
    }

    private boolean holdsAsItIs(SessionRecord record, String hashAsStored) {
        return targetHashes.expects(record.key(), hashAsStored)
                || sameByContent.contains(record.key()) && differing.expects(record.key(), RecordHash.of(target.asStored(record)));
    }

    public long added() {
        return added;
    }

    public long replaced() {
        return replaced;
    }

    public long same() {
        return same;
    }

    /** The target's records whose key the source lacks: a merge keeps them, a replace removes them. */
    public long targetOnly() {
        return targetHashes.untakenCount();
    }

    /** The keys of {@link #targetOnly}: what a replace of changes only deletes. */
    Set<String> targetOnlyKeys() {
        return new HashSet<>(targetHashes.untaken());
    }

    /**
     * How many of {@link #targetOnly} are of each kind of session: what a merge keeps beside the records it writes. The comparison
     * read the target's keys and hashes only, so this reads its records, as a consolidation's merge does to learn the same.
     */
    public Map<SessionKind, Long> targetOnlyKinds(ProgressMonitor monitor) {
        Map<SessionKind, Long> kinds = new EnumMap<>(SessionKind.class);
        if (targetOnly() == 0) {
            return kinds;
        }
        Optional<SessionKind> onlyKind = target.onlyKindHeld();
        if (onlyKind.isPresent()) {
            // Minsky's tables: no read, which takes seconds at a million
            kinds.put(onlyKind.get(), targetOnly());
            return kinds;
        }
        Set<String> keys = targetOnlyKeys();
        monitor.message("reading the kinds of the target's own sessions");
        try (RecordCursor cursor = target.cursor()) {
            while (cursor.hasNext()) {
                SessionRecord record = cursor.next();
                if (keys.contains(record.key())) {
                    kinds.merge(SessionKind.of(record), 1L, Long::sum);
                }
                monitor.checkCancelled();
            }
        }
        return kinds;
    }

    /** "task#011, task#012 and 3 more": the first of the target's records whose key the source lacks. */
    public String targetOnlyNamed() {
        long more = targetOnly() - NAMED;
        return targetHashes.untaken(NAMED).stream().map(key -> SecretMasker.maskText("session", key)).collect(Collectors.joining(", ")) + (more > 0 ? String.format(" and %,d more", more) : "");
    }

    /** "task#002 (pullRequest), task#008 (branch) and 3 more": field names, never values; empty when nothing is replaced. */
    public String replacedNamed() {
        long more = replaced - firstReplaced.size();
        return firstReplaced.isEmpty() ? "" : String.join(", ", firstReplaced) + (more > 0 ? String.format(" and %,d more", more) : "");
    }
}
