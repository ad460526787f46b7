package dev.sessiondb.job.consolidate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.job.Job;
import dev.sessiondb.job.JobPlan;
import dev.sessiondb.job.JobRefusedException;
import dev.sessiondb.job.JobReport;
import dev.sessiondb.job.Refusal;
import dev.sessiondb.job.StoreProbe;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.job.backup.RunStart;
import dev.sessiondb.job.backup.StoreWriters;
import dev.sessiondb.job.transfer.Assessment;
import dev.sessiondb.job.transfer.MixedKinds;
import dev.sessiondb.job.transfer.SourceChanges;
import dev.sessiondb.job.transfer.TargetMode;
import dev.sessiondb.job.transfer.TargetState;
import dev.sessiondb.job.transfer.Transfer;
import dev.sessiondb.model.SecretMasker;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreLocator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Merges several stores into one. Each key is settled once (see {@link Consolidation}); the
 * report gives every input record's provenance and fate, every conflict and how it was
 * settled, and ends with the settings that point Minsky at the result. Sources are only read.
 */
public final class ConsolidateJob implements Job {

    private final List<StoreLocator> sources;
    private final StoreLocator target;
    private final ConsolidateOptions options;
    private final BackupJournal journal;
    /** The target as the last {@link #plan()} saw it: {@link #run} refuses when it changed since. */
    private volatile TargetState plannedTarget;
    /** The sources' write marks as the last {@link #plan()} began its read: {@link #run} refuses when one was written since. */
    private volatile List<Optional<String>> plannedSources;

    public ConsolidateJob(List<StoreLocator> sources, StoreLocator target, ConsolidateOptions options, BackupJournal journal) {
        this.sources = List.copyOf(sources);
        this.target = options.layout().map(layout -> target.withParam("layout", layout.id())).orElse(target);
        this.options = options;
        this.journal = journal;
    }

    @Override
    public String description() {
        return "consolidate " + sources.stream().map(StoreLocator::display).collect(Collectors.joining(" + ")) + " -> " + target.display();
    }

    @Override
    public JobPlan plan() {
        return plan(true);
    }

    @Override
    public JobPlan dryRun() {
        return plan(false);
    }

    /** @param toRun whether {@link #run} may follow: only then are the sources' write marks taken and the plan's stores kept */
    private JobPlan plan(boolean toRun) {
        List<SessionStore> opened = openSources();
        try (Transfer transfer = transfer()) {
            SourceChanges sourceChanges = toRun ? new SourceChanges(opened, sourceNames()) : SourceChanges.unmarked(opened, sourceNames());
            Consolidation consolidation = Consolidation.analyse(opened, transfer.mergeTarget(), options.policy(), options.choices(),
                    ProgressMonitor.NONE);
            Assessment assessment = transfer.assess(new ConsolidatedRecords(opened, consolidation, sourceChanges));
            if (toRun) {
                plannedTarget = assessment.target();
                plannedSources = sourceChanges.marks();
            }
            return StoreWriters.sayingWhoWrites(plan(opened, consolidation, assessment), target);
        } finally {
            opened.forEach(SessionStore::close);
        }
    }

    /** The sources as the plan settles them (its conflicts, a merge target's own versions taking part); nothing is written. */
    public Consolidation analysis(ProgressMonitor monitor) {
        List<SessionStore> opened = openSources();
        try (Transfer transfer = transfer()) {
            return Consolidation.analyse(opened, transfer.mergeTarget(), options.policy(), options.choices(), monitor);
        } finally {
            opened.forEach(SessionStore::close);
        }
    }

    @Override
    public JobReport run(ProgressMonitor monitor) {
        StoreWriters.refuseWhileWritten(target);
        List<SessionStore> opened = openSources();
        JobReport done;
        try (Transfer transfer = transfer()) {
            if (plannedTarget != null) {
                transfer.requireUnchangedSince(plannedTarget);
            }
            RunStart start = journal.runStarter("consolidate", description(), sources, target);
            SourceChanges sourceChanges = SourceChanges.sincePlan(Optional.ofNullable(plannedSources), opened, sourceNames());
            Consolidation[] analysed = new Consolidation[1]; // set inside the run, read after it for the counts it read
            JobReport.Builder report = start.listingACancel(() -> {
                monitor.message("reading sources");
                Consolidation consolidation = Consolidation.analyse(opened, transfer.mergeTarget(), options.policy(), options.choices(), monitor);
                analysed[0] = consolidation;
                ConsolidatedRecords records = new ConsolidatedRecords(opened, consolidation, sourceChanges);
                return transfer.run(description(), records, monitor, start, assessment -> {
                    JobPlan plan = plan(opened, consolidation, assessment);
                    plan.requireRunnable();
                    JobReport.Builder builder = start.get();
                    plan.counts().forEach(builder::count);
                    plan.versionsDropped().ifPresent(builder::warning);
                    MixedKinds.warning(assessment.kinds(), consolidation.keptTargetKinds()).ifPresent(builder::warning);
                    consolidation.conflicts().forEach(conflict -> builder.warning(conflictLine(conflict)));
                    builder.details().set("plan", plan.toJson());
                    addProvenance(consolidation, builder.details());
                    return builder;
                });
            });
            sourceChanges.report(IntStream.range(0, opened.size()).mapToObj(analysed[0]::recordsRead).toList(), report);
            MinskySettings.Settings settings = MinskySettings.of(target, transfer.writtenLayout());
            settings.lines().forEach(report::note);
            settings.advice().ifPresent(report::advice);
            done = report.build();
        } finally {
            opened.forEach(SessionStore::close);
        }
        journal.saveReport(done);
        return done;
    }

    private List<SessionStore> openSources() {
        List<StoreLocator> all = new ArrayList<>(sources);
        all.add(target);
        refuseTargetAmongSources(sources, target);
        StoreProbe.requireDistinct(all);
        List<SessionStore> opened = new ArrayList<>();
        try {
            sources.forEach(source -> opened.add(StoreProbe.openSource(source)));
            return opened;
        } catch (RuntimeException e) {
            opened.forEach(SessionStore::close);
            throw e;
        }
    }

    /**
     * A target named among the sources too is how a user asks to merge into an existing store, which --mode merge does: said
     * before {@link StoreProbe#requireDistinct}, whose "X and X are the same store; name each store once" said neither which was
     * the target nor how.
     */
    private static void refuseTargetAmongSources(List<StoreLocator> sourceStores, StoreLocator targetStore) {
        for (int i = 0; i < sourceStores.size(); i++) {
            if (StoreProbe.sameStore(sourceStores.get(i), targetStore)) {
                throw new JobRefusedException("the target " + targetStore.display() + " (--into) is also source " + (i + 1) + "; consolidate never"
                        + " writes into a store it reads, and nothing was written: to merge the other sources into it, leave it out of the"
                        + " sources and add --mode merge (its own sessions then take part in each conflict), or name a new store with --into");
            }
        }
    }

    /** "source 2 (x.db)": how the report names each source. */
    private List<String> sourceNames() {
        return IntStream.range(0, sources.size()).mapToObj(i -> "source " + (i + 1) + " (" + sources.get(i).display() + ")").toList();
    }

    private Transfer transfer() {
        return new Transfer(target, options.mode(), options.allowLoss(), options.verify(), journal);
    }

    private JobPlan plan(List<SessionStore> opened, Consolidation consolidation, Assessment assessment) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < opened.size(); i++) {
            counts.put("source " + (i + 1) + " records", consolidation.recordsRead(i)); // as the job's read saw it, not counted again later
        }
        counts.put("input records", consolidation.inputRecords());
        counts.put("conflicts", (long) consolidation.conflicts().size());
        consolidation.fateCounts().forEach((fate, count) -> counts.put(fateName(fate), count));
        if (options.mode().equals(Optional.of(TargetMode.MERGE)) && assessment.target().records() > 0) {
            counts.put("kept from the target", consolidation.keptFromTarget());
            counts.put("newer target versions replaced", consolidation.newerTargetVersionsReplaced());
        }
        counts.put("records to write", consolidation.writtenRecords());
        counts.putAll(assessment.scanCounts());
        counts.put(JobPlan.TARGET_RECORDS_BEFORE, assessment.target().records());
        counts.putAll(assessment.effectCounts());
        // the sources are numbered in the order the description names them, as the report's conflict lines read them
        List<String> warnings = new ArrayList<>(assessment.planWarnings());
        MixedKinds.warning(assessment.kinds(), consolidation.keptTargetKinds()).ifPresent(warnings::add);
        if (consolidation.newerTargetVersionsReplaced() > 0) {
            warnings.add(consolidation.newerTargetVersionsReplaced() + " of the target's records would be replaced by an OLDER version from a source"
                    + " (each conflict below says which); --on-conflict newest keeps the target's newer versions");
        }
        consolidation.conflicts().forEach(conflict -> warnings.add(conflictLine(conflict)));
        Optional<Refusal> refusal = unmatchedChoice(consolidation).or(() -> failedConflicts(consolidation)).or(assessment::refusal);
        return new JobPlan(description(), counts, assessment.fieldChanges(), assessment.coercions(), warnings, refusal, assessment.overwritten(),
                consolidation.droppedVersions().map(ConsolidateJob::droppedLine));
    }

    /** Versions left out holding values the kept one does not: a loss in the result, though the sources keep them. */
    private static String droppedLine(Consolidation.DroppedVersions dropped) {
        boolean one = dropped.versions() == 1;
        return String.format("%,d %s dropped: %s from the kept version of %s session, in %s, and the result will not hold those values"
                        + " (each conflict line names its session and fields; the sources keep them; keeping every version, or choosing one, writes them)",
                dropped.versions(), one ? "version" : "versions", one ? "it differs" : "they differ", one ? "its" : "their",
                String.join(", ", dropped.fields()));
    }

    /**
     * A version chosen for a key that is no conflict, or from a store holding no version of it, would be passed over without a
     * word and the policy settle the key: the plan refuses instead, naming the first such choice.
     */
    private Optional<Refusal> unmatchedChoice(Consolidation consolidation) {
        Map<String, Consolidation.Conflict> byKey = new HashMap<>();
        consolidation.conflicts().forEach(conflict -> byKey.put(conflict.key(), conflict));
        return options.choices().entrySet().stream().sorted(Map.Entry.comparingByKey()).map(choice -> {
            Consolidation.Conflict conflict = byKey.get(choice.getKey());
            String chosen = choice.getValue() == Consolidation.Entry.TARGET ? "the target" : "source " + (choice.getValue() + 1);
            if (conflict == null) {
                return Optional.of(new Refusal(Refusal.Reason.CHOICE_UNMATCHED, "a version from " + chosen + " was chosen for " + shown(choice.getKey())
                        + ", which is no conflict (the plan lists every conflict; a session whose versions are all the same, or that one store"
                        + " alone holds, has none)", "give --keep only for a conflict the dry run lists, by its session name"));
            }
            boolean held = conflict.versions().stream().anyMatch(version -> version.entry().source() == choice.getValue());
            return held ? Optional.<Refusal>empty() : Optional.of(new Refusal(Refusal.Reason.CHOICE_UNMATCHED, "a version from " + chosen
                    + " was chosen for " + shown(choice.getKey()) + ", but " + chosen + " holds no version of it (sources " + conflict.holders() + ")",
                    "give --keep one of the sources the conflict's line names"));
        }).flatMap(Optional::stream).findFirst();
    }

    private Optional<Refusal> failedConflicts(Consolidation consolidation) {
        if (consolidation.unsettled().isEmpty()) {
            return Optional.empty();
        }
        Consolidation.Conflict first = consolidation.unsettled().get(0);
        boolean againstTarget = consolidation.unsettled().stream()
                .anyMatch(conflict -> conflict.versions().stream().anyMatch(version -> version.entry().inTarget()));
        // said in the words of both shells: the wizard's "let me pick" and the command line's --on-conflict fail refuse alike
        return Optional.of(new Refusal(Refusal.Reason.CONFLICTS_UNCHOSEN, consolidation.unsettled().size()
                + " sessions differ between sources" + (againstTarget ? " or from the target's own version" : "") + " and no version was chosen for them, first "
                + shown(first.key()) + " (sources " + first.holders() + ")", "pick a version for each, or a policy: newest, first or keep-both"
                + " (--keep SESSION=SOURCE and --on-conflict on the command line)"));
    }

    private static String conflictLine(Consolidation.Conflict conflict) {
        return "conflict on " + shown(conflict.key()) + " (sources " + conflict.holders() + "): " + conflict.settlement()
                + (conflict.differingFields().isEmpty() ? "" : "; fields that differ: " + String.join(", ", conflict.differingFields()));
    }

    private static String fateName(Consolidation.Fate fate) {
        return switch (fate) {
            case KEPT -> "kept";
            case RENAMED -> "kept under a new key";
            case IDENTICAL_DUPLICATE -> "identical duplicates dropped";
            case SUPERSEDED -> "superseded by another version";
        };
    }

    /** Every input record with its source and fate, and every conflict with its versions: the report accounts for all of them. */
    private void addProvenance(Consolidation consolidation, ObjectNode details) {
        ArrayNode sourceList = details.putArray("sources");
        sources.forEach(source -> sourceList.add(source.display()));
        ArrayNode records = details.putArray("records");
        consolidation.settled().forEach(settled -> records.add(settledJson(settled)));
        ArrayNode conflicts = details.putArray("conflicts");
        for (Consolidation.Conflict conflict : consolidation.conflicts()) {
            ObjectNode json = conflicts.addObject().put("session", shown(conflict.key())).put("settlement", conflict.settlement())
                    .put("rule", conflict.rule().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                    .put("replacesNewerTargetVersion", conflict.replacesNewer());
            conflict.differingFields().forEach(json.putArray("differingFields")::add);
            ArrayNode versions = json.putArray("versions");
            conflict.versions().forEach(version -> versions.add(settledJson(version)));
        }
    }

    private ObjectNode settledJson(Consolidation.Settled settled) {
        ObjectNode json = JsonNodeFactory.instance.objectNode().put("session", shown(settled.entry().key()));
        if (settled.entry().inTarget()) {
            json.put("source", "target");
        } else {
            json.put("source", settled.entry().source() + 1);
        }
        json.put("position", settled.entry().position()).put("fate", settled.fate().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        settled.entry().recency().ifPresent(when -> json.put("recency", when.toString()));
        if (settled.writtenKey() != null) {
            json.put("writtenAs", shown(settled.writtenKey()));
        }
        return json;
    }

    /** A session key as every output shows it, its secrets masked: a key can hold one ("sess-password=..."). */
    private static String shown(String key) {
        return SecretMasker.maskText("session", key);
    }
}
