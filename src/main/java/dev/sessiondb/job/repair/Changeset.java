package dev.sessiondb.job.repair;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFingerprint;
import dev.sessiondb.store.WriteBatch;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * What a repair changes, record by record, and what it leaves to a person. The changes live
 * in a temp file (one JSON line each, before and after), so a repair of a million records
 * is planned, printed and written in bounded memory; only a fingerprint of each planned
 * record stays in memory, to notice a record that changes before the write. Close it to
 * delete the file.
 */
public final class Changeset implements AutoCloseable {

    private final Path spool;
    private final BufferedWriter writer;
    private final Map<String, Long> fingerprints = new HashMap<>();
    private final Map<String, Long> manualByCheck = new TreeMap<>();
    private final Map<String, Long> updatesByCheck = new TreeMap<>();
    /** The first records a fix cannot be written to, with why; the rest are only counted, as needing a person. */
    private final List<NotWritten> notWritten = new ArrayList<>();
    private long updates;
    private long inserts;

    Changeset() {
        try {
            spool = Files.createTempFile("sessiondb-repair-", ".jsonl");
            spool.toFile().deleteOnExit();
            writer = Files.newBufferedWriter(spool, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the repair's temporary file: " + e.getMessage(), e);
        }
    }

    void add(RecordChange change) {
        ObjectNode line = JsonNodeFactory.instance.objectNode().put("session", change.session());
        change.checks().forEach(line.putArray("checks")::add);
        change.notKept().forEach(line.putArray("notKept")::add);
        change.before().ifPresent(before -> line.set("before", before.fields()));
        line.set("after", change.after().fields());
        try {
            writer.write(JsonCodec.compact(line));
            writer.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the repair's temporary file " + spool + ": " + e.getMessage(), e);
        }
        fingerprints.put(change.session(), fingerprint(change.before()));
        if (change.isInsert()) {
            inserts++;
        } else {
            updates++;
            change.checks().forEach(check -> updatesByCheck.merge(check, 1L, Long::sum));
        }
    }

    void needsPerson(String check) {
        manualByCheck.merge(check, 1L, Long::sum);
    }

    /** A record the fixes of {@code checks} are not written to: its checks' findings then need a person. */
    void notWritten(NotWritten record) {
        record.checks().forEach(this::needsPerson);
        if (notWritten.size() < RepairJob.LISTED_CHANGES) {
            notWritten.add(record);
        }
    }

    /** The first {@value RepairJob#LISTED_CHANGES} records the store would refuse, or hold nothing of the fixes in. */
    public List<NotWritten> notWritten() {
        return List.copyOf(notWritten);
    }

    public boolean isEmpty() {
        return updates + inserts == 0;
    }

    public long updates() {
        return updates;
    }

    public long inserts() {
        return inserts;
    }

    /** Per check, by name, how many of the records to change its fix changes: a record two fixes change counts for both. */
    public Map<String, Long> updatesByCheck() {
        return Collections.unmodifiableMap(new TreeMap<>(updatesByCheck));
    }

    /** Per check, how many findings need a person (no automatic fix). */
    public Map<String, Long> manualByCheck() {
        return Map.copyOf(manualByCheck);
    }

    /** "1 secret-in-record finding needs a person", "2 ... findings need a person": what a plan and a report say of a check. */
    public static String needingAPerson(long count, String check) {
        return String.format("%,d %s finding%s", count, check, count == 1 ? " needs a person" : "s need a person");
    }

    public long manual() {
        return manualByCheck.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Every change in plan order: store order, registrations last. */
    public void forEach(Consumer<RecordChange> action) {
        try (Replay replay = new Replay()) {
            replay.forEachRemaining(action);
        }
    }

    /** The first changes, for tests and previews. */
    public List<RecordChange> first(int limit) {
        List<RecordChange> changes = new ArrayList<>();
        try (Replay replay = new Replay()) {
            while (replay.hasNext() && changes.size() < limit) {
                changes.add(replay.next());
            }
        }
        return changes;
    }

    /** True when the session is planned and {@code current} is the record the plan started from. */
    public boolean isPlannedFrom(String session, Optional<SessionRecord> current) {
        return fingerprint(current).equals(fingerprints.get(session));
    }

    /** Each planned session with a fingerprint of the record it was planned from: equal for two plans of the same records. */
    public Map<String, Long> plannedFrom() {
        return Map.copyOf(fingerprints);
    }

    public Set<String> sessions() {
        return Collections.unmodifiableSet(fingerprints.keySet());
    }

    /**
     * Writes every changed record in one transaction: all of them or, on failure or cancel, none;
     * none either when the store is no longer as {@code planned} saw it.
     */
    public void applyTo(SessionStore store, StoreFingerprint planned, ProgressMonitor monitor) {
        try (Replay replay = new Replay()) {
            Iterator<SessionRecord> afters = new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return replay.hasNext();
                }

                @Override
                public SessionRecord next() {
                    return replay.next().after();
                }
            };
            store.write(WriteBatch.upsert(afters, updates + inserts).ifUnchangedSince(planned), monitor);
        }
    }

    @Override
    public void close() {
        try {
            writer.close();
            Files.deleteIfExists(spool);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 64 bits of the SHA-256 of the canonical form (0 for no record): equal content, equal fingerprint, whatever the field order. */
    private static Long fingerprint(Optional<SessionRecord> record) {
        if (record.isEmpty()) {
            return 0L;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(JsonCodec.canonical(record.get().fields()).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads the spooled changes back, one at a time. */
    private final class Replay implements Iterator<RecordChange>, AutoCloseable {
        private final BufferedReader reader;
        private String line;

        Replay() {
            try {
                writer.flush();
                reader = Files.newBufferedReader(spool, StandardCharsets.UTF_8);
                line = reader.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the repair's temporary file " + spool + ": " + e.getMessage(), e);
            }
        }

        @Override
        public boolean hasNext() {
            return line != null;
        }

        @Override
        public RecordChange next() {
            if (line == null) {
                throw new NoSuchElementException();
            }
            try {
                JsonNode json = JsonCodec.parse(line);
                line = reader.readLine();
                List<String> checks = new ArrayList<>();
                json.path("checks").forEach(check -> checks.add(check.asText()));
                List<String> notKept = new ArrayList<>();
                json.path("notKept").forEach(field -> notKept.add(field.asText()));
                Optional<SessionRecord> before = json.has("before") ? Optional.of(SessionRecord.of((ObjectNode) json.get("before"))) : Optional.empty();
                return new RecordChange(json.path("session").asText(), before, SessionRecord.of((ObjectNode) json.get("after")), checks, notKept);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException("the repair's temporary file " + spool + " is damaged: " + e.getOriginalMessage(), e);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the repair's temporary file " + spool + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            try {
                reader.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
