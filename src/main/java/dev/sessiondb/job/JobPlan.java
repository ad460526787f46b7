package dev.sessiondb.job;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a job would do, as its dry run shows it. Nothing was written to produce it.
 *
 * @param counts      named numbers in display order ("source records", "conflicts", ...)
 * @param fieldChanges fields the target does not keep as given (not kept, digits cut, or held in its own form), with how many
 *                    records carry each; the lossy ones need leave to lose
 * @param coercions   values the target would change, one line each ("task#1: createdAt 'yesterday' is not a date")
 * @param warnings    what the user should know before running
 * @param refusal     why the job would refuse to run, when it would
 * @param overwritten records of a target that holds some which the copy into it replaces with a different version or
 *                    removes (its backup keeps them); 0 for a job that edits a store in place
 * @param versionsDropped what a consolidation leaves out of its result: versions whose content differs from the one kept
 *                    ("3 versions dropped ..."), empty when every version left out is the same as the kept one
 * @param notes       what the user may like to know where nothing is wrong (a migration already done): kept apart from the
 *                    warnings, so no shell shows them as a risk
 */
public record JobPlan(String description, Map<String, Long> counts, List<FieldChange> fieldChanges,
                      List<String> coercions, List<String> warnings, Optional<Refusal> refusal, long overwritten,
                      Optional<String> versionsDropped, List<String> notes) {

    /** The count of the records a job's target held before it, as a copy into a target names it. */
    public static final String TARGET_RECORDS_BEFORE = "target records before";

    /** The plan of a job that settles no conflicts, so drops no versions. */
    public JobPlan(String description, Map<String, Long> counts, List<FieldChange> fieldChanges,
                   List<String> coercions, List<String> warnings, Optional<Refusal> refusal, long overwritten) {
        this(description, counts, fieldChanges, coercions, warnings, refusal, overwritten, Optional.empty());
    }

    /** The plan of a job with nothing to note. */
    public JobPlan(String description, Map<String, Long> counts, List<FieldChange> fieldChanges, List<String> coercions,
                   List<String> warnings, Optional<Refusal> refusal, long overwritten, Optional<String> versionsDropped) {
        this(description, counts, fieldChanges, coercions, warnings, refusal, overwritten, versionsDropped, List.of());
    }

    public JobPlan {
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        fieldChanges = List.copyOf(fieldChanges);
        coercions = List.copyOf(coercions);
        warnings = List.copyOf(warnings);
        notes = List.copyOf(notes);
    }

    /** How many records the target held before the job; 0 for a new one, or a job that names no such count. */
    public long targetRecordsBefore() {
        return counts.getOrDefault(TARGET_RECORDS_BEFORE, 0L);
    }

    /** This plan with {@code warning} after its own warnings. */
    public JobPlan withWarning(String warning) {
        List<String> more = new ArrayList<>(warnings);
        more.add(warning);
        return new JobPlan(description, counts, fieldChanges, coercions, more, refusal, overwritten, versionsDropped, notes);
    }

    /** The fields something is lost of, with how many records lose it: what --allow-loss allows. */
    public Map<String, Long> lossyFields() {
        return FieldChange.lossyFields(fieldChanges);
    }

    public boolean isLossy() {
        return fieldChanges.stream().anyMatch(FieldChange::lossy);
    }

    /** Throws the refusal, if there is one: what {@link Job#run} does before writing anything. */
    public void requireRunnable() {
        refusal.ifPresent(reason -> {
            throw new JobRefusedException(reason.text());
        });
    }

    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode().put("description", description);
        ObjectNode countsJson = json.putObject("counts");
        counts.forEach(countsJson::put);
        ObjectNode lossy = json.putObject("lossyFields");
        lossyFields().forEach(lossy::put);
        ArrayNode changes = json.putArray("fieldChanges");
        fieldChanges.forEach(change -> changes.addObject().put("field", change.field())
                .put("change", change.change().name().toLowerCase(Locale.ROOT)).put("lossy", change.lossy()).put("records", change.records()));
        coercions.forEach(json.putArray("coercions")::add);
        warnings.forEach(json.putArray("warnings")::add);
        refusal.ifPresent(reason -> json.put("refusal", reason.text()));
        json.put("overwritten", overwritten);
        versionsDropped.ifPresent(words -> json.put("versionsDropped", words));
        notes.forEach(json.putArray("notes")::add);
        return json;
    }
}
