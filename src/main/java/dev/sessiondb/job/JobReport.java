package dev.sessiondb.job;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.files.AtomicFiles;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.store.StoreLocator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a job did, saved as JSON next to the backups so a run can be read back later.
 *
 * @param runId    unique per run; names the saved report and the backup taken by the run
 * @param job      the job's command name ("migrate", "consolidate", ...)
 * @param counts   named numbers in display order
 * @param warnings what went wrong or looks wrong (verification mismatches, odd values)
 * @param backupId the backup taken before writing, when the job wrote to an existing store
 * @param details  the job's own structured results (provenance, mismatches, settings)
 * @param notes    lines for the end of the printed report (the settings to use the result)
 * @param advice   after the notes: how to run the job differently, which each shell words with its own controls
 */
public record JobReport(String runId, String job, String description, Instant startedAt, Instant finishedAt,
                        Outcome outcome, Map<String, Long> counts, List<String> warnings, Optional<String> backupId,
                        ObjectNode details, List<String> notes, List<Advice> advice) {

    /** How a run ended; {@link #COMPLETED_WITH_PROBLEMS} is exit code 1 on the command line. */
    public enum Outcome { COMPLETED, COMPLETED_WITH_PROBLEMS }

    private static final String STORES = "stores";
    private static final String SOURCES = "sources";
    private static final String TARGET = "target";
    private static final String TARGET_WAS_ABSENT = "targetWasAbsent";

    public JobReport {
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        warnings = List.copyOf(warnings);
        notes = List.copyOf(notes);
        advice = List.copyOf(advice);
        details = details.deepCopy();
    }

    /** The stores the job only read, as recorded by {@link Builder#stores}. */
    public List<String> sources() {
        return sourcesIn(details);
    }

    /** Whether the job made its target, which did not exist: its backup records that, and undo removes the target. */
    public boolean targetWasAbsent() {
        return details.path(TARGET_WAS_ABSENT).asBoolean(false);
    }

    /** The store the job wrote to, as recorded by {@link Builder#stores}. */
    public Optional<String> target() {
        return targetIn(details);
    }

    private static List<String> sourcesIn(ObjectNode details) {
        List<String> sources = new ArrayList<>();
        details.path(STORES).path(SOURCES).forEach(source -> sources.add(source.asText()));
        return sources;
    }

    private static Optional<String> targetIn(ObjectNode details) {
        return Optional.ofNullable(details.path(STORES).path(TARGET).textValue());
    }

    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode()
                .put("runId", runId).put("job", job).put("description", description)
                .put("startedAt", startedAt.toString()).put("finishedAt", finishedAt.toString())
                .put("outcome", outcome.name().toLowerCase(Locale.ROOT));
        backupId.ifPresent(id -> json.put("backupId", id));
        ObjectNode countsJson = json.putObject("counts");
        counts.forEach(countsJson::put);
        warnings.forEach(json.putArray("warnings")::add);
        json.set("details", details.deepCopy());
        // the saved report keeps the command line's words, as a plan's refusal does
        ArrayNode notesJson = json.putArray("notes");
        notes.forEach(notesJson::add);
        advice.forEach(each -> notesJson.add(each.text()));
        return json;
    }

    /** The name of the file {@link #saveTo} writes: the run id, so reports sort by time. */
    public String fileName() {
        return runId + ".json";
    }

    /** Writes the report to {@code <directory>/<runId>.json} atomically and returns the file. */
    public Path saveTo(Path directory) {
        Path file = directory.resolve(fileName());
        try {
            byte[] content = JsonCodec.pretty(toJson()).getBytes(StandardCharsets.UTF_8);
            AtomicFiles.createOwnerOnlyDirectories(directory);
            AtomicFiles.write(file, out -> out.write(content));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the job report to " + file + ": " + e.getMessage(), e);
        }
    }

    /** Collects a report while a job runs. */
    public static final class Builder {
        private final String runId;
        private final String job;
        private final String description;
        private final Instant startedAt = Instant.now();
        private final Map<String, Long> counts = new LinkedHashMap<>();
        private final List<String> warnings = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private final List<Advice> advice = new ArrayList<>();
        private final ObjectNode details = JsonNodeFactory.instance.objectNode();
        private String backupId;
        private boolean problems;

        public Builder(String runId, String job, String description) {
            this.runId = runId;
            this.job = job;
            this.description = description;
        }

        public String runId() {
            return runId;
        }

        public Builder count(String name, long value) {
            counts.put(name, value);
            return this;
        }

        public Builder warning(String text) {
            warnings.add(text);
            return this;
        }

        /** A warning that makes the outcome {@link Outcome#COMPLETED_WITH_PROBLEMS}. */
        public Builder problem(String text) {
            problems = true;
            return warning(text);
        }

        public Builder note(String text) {
            notes.add(text);
            return this;
        }

        public Builder advice(Advice text) {
            advice.add(text);
            return this;
        }

        /** The stores the job read and the one it writes, absolute and without passwords: the history lists jobs by store. */
        public Builder stores(List<StoreLocator> sources, StoreLocator target) {
            ObjectNode stores = details.putObject(STORES);
            sources.forEach(source -> stores.withArray(SOURCES).add(StoreProbe.withoutPassword(source.absolute())));
            stores.put(TARGET, StoreProbe.withoutPassword(target.absolute()));
            return this;
        }

        /** The stores given to {@link #stores}, as the report will name them. */
        public List<String> sources() {
            return sourcesIn(details);
        }

        public String target() {
            return targetIn(details).orElseThrow(() -> new IllegalStateException("the report's stores are not set"));
        }

        public Builder backupId(String id) {
            backupId = id;
            return this;
        }

        /** @param targetWasAbsent the job made the target, so the backup holds nothing to restore and undo removes the target */
        public Builder backupId(String id, boolean targetWasAbsent) {
            if (targetWasAbsent) {
                details.put(TARGET_WAS_ABSENT, true);
            }
            return backupId(id);
        }

        /** The structured details, filled in place by the job. */
        public ObjectNode details() {
            return details;
        }

        public JobReport build() {
            return new JobReport(runId, job, description, startedAt, Instant.now(),
                    problems ? Outcome.COMPLETED_WITH_PROBLEMS : Outcome.COMPLETED, counts, warnings,
                    Optional.ofNullable(backupId), details, notes, advice);
        }
    }
}
