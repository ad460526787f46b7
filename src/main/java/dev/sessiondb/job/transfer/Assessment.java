package dev.sessiondb.job.transfer;

import dev.sessiondb.job.FieldChange;
import dev.sessiondb.job.Refusal;
import dev.sessiondb.model.SessionKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What writing would do to the target ({@link Transfer#assess}): the plan shown and approved before {@link Transfer#run} writes.
 *
 * @param alreadyComplete the target already holds exactly these records: a killed run that got as far as the rename
 * @param comparison      the records against a target that holds some, for a merge or a replace
 * @param withoutTaskId   how many of Minsky's sessions carry no task id; nothing where no record is Minsky's
 * @param recordsRead     how many records the plan's pass read; -1 when a refusal of the target stopped the plan before it read any
 * @param kinds           how many of the records to write are of each kind of session; none when the plan read none
 */
public record Assessment(TargetState target, boolean alreadyComplete, List<FieldChange> fieldChanges,
                         List<String> coercions, List<String> refusedRecords, OptionalLong withoutTaskId, Optional<String> note,
                         Optional<Refusal> refusal, Optional<TargetMode> mode, Optional<TargetComparison> comparison, long recordsRead,
                         Map<SessionKind, Long> kinds) {

    /** What the plan's pass over the records counted; nothing when a refusal of the target stopped it before it read any. */
    public Map<String, Long> scanCounts() {
        return recordsRead < 0 || withoutTaskId.isEmpty() ? Map.of() : Map.of("records without a task id", withoutTaskId.getAsLong());
    }

    /** The fields something is lost of, with how many records lose it. */
    public Map<String, Long> lossyFields() {
        return FieldChange.lossyFields(fieldChanges);
    }

    /** What the plan shows besides counts: how it was made, each record the target would refuse, what the write overwrites. */
    public List<String> planWarnings() {
        List<String> warnings = new ArrayList<>();
        target.unfinishedCreation().ifPresent(warnings::add);
        note.ifPresent(warnings::add);
        refusedRecords.forEach(line -> warnings.add("the target would refuse " + line));
        comparison.ifPresent(compared -> {
            long replaced = compared.replaced();
            if (replaced > 0) {
                warnings.add(replaced == 1 ? "1 record of the target is replaced by a different version: " + compared.replacedNamed()
                        + " (the backup keeps the old one)"
                        : String.format("%,d records of the target are replaced by different versions: %s (the backup keeps the old ones)",
                                replaced, compared.replacedNamed()));
            }
            long removed = removes() ? compared.targetOnly() : 0;
            if (removed > 0) {
                warnings.add(removed == 1
                        ? "1 record of the target is removed: " + compared.targetOnlyNamed()
                                + "; the source does not hold it, and a replace keeps only the source's (the backup keeps it)"
                        : String.format("%,d records of the target are removed: %s; the source does not hold them, and a replace keeps only"
                                + " the source's (the backup keeps them)", removed, compared.targetOnlyNamed()));
            }
        });
        return warnings;
    }

    /**
     * What the write would do to the target's records, for the plan's counts: a preview that
     * said only "30 records" hid that a merge overwrites and a replace removes, and how many records the target then holds.
     */
    public Map<String, Long> effectCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        comparison.ifPresent(compared -> {
            counts.put("records new to the target", compared.added());
            counts.put("records replacing a different one", compared.replaced());
            counts.put("records the target holds already", compared.same());
            counts.put(removes() ? "target records removed" : "target records kept as they are", compared.targetOnly());
            // said, so the user need not add up the lines above to know what the target holds once written
            counts.put("target records after", compared.added() + compared.replaced() + compared.same() + (removes() ? 0 : compared.targetOnly()));
        });
        return counts;
    }

    /** How many of the target's records the write replaces with a different version or removes. */
    public long overwritten() {
        return comparison.map(compared -> compared.replaced() + (removes() ? compared.targetOnly() : 0)).orElse(0L);
    }

    private boolean removes() {
        return mode.equals(Optional.of(TargetMode.REPLACE));
    }
}
