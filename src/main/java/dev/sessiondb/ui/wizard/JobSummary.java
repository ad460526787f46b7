package dev.sessiondb.ui.wizard;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessiondb.job.FieldChange;
import dev.sessiondb.job.JobPlan;
import dev.sessiondb.job.JobReport;
import dev.sessiondb.store.ValueChange;
import dev.sessiondb.ui.common.FailureText;
import dev.sessiondb.ui.common.SessionWords;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A job's plan or report as a wizard shows it: one headline saying whether all is well, the
 * counts, and the lines to read (fields lost, dates coerced, warnings, the backup, notes).
 */
public record JobSummary(String headline, Tone tone, Map<String, Long> counts, List<String> lines) {

    /** How things went: INFO is all well with something to know first (a migration already done), told calmly. */
    public enum Tone { GOOD, INFO, WARNING, BAD }

    private static final String BACKUP_LINE = "Backup taken before writing: ";
    /** A new target's "backup" records only that there was none, so undo removes what the job made. */
    private static final String NEW_TARGET_LINE = "The target did not exist: ";
    /** A consolidation's count of one source's records, as the job keys it. */
    private static final Pattern SOURCE_COUNT = Pattern.compile("source (\\d+) records");

    public JobSummary {
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        lines = List.copyOf(lines);
    }

    /** A job that could not plan or finish: the headline says what and why. */
    public static JobSummary ofFailure(String what, Exception failure) {
        return new JobSummary(what + ": " + FailureText.describe(failure), Tone.BAD, Map.of(), List.of());
    }

    /** @param choices where the wizard keeps the controls a refusal names */
    public static JobSummary ofPlan(JobPlan plan, WizardChoices choices) {
        List<String> lines = new ArrayList<>();
        plan.fieldChanges().forEach(change -> lines.add(change.change() == ValueChange.NOT_KEPT
                ? String.format("The target cannot hold %s (%,d %s)", change.field(), change.records(), change.records() == 1 ? "session" : "sessions")
                : SessionWords.counted(change.describe())));
        plan.coercions().forEach(line -> lines.add("Date: " + line));
        lines.addAll(plan.warnings());
        lines.addAll(plan.notes());
        plan.versionsDropped().ifPresent(dropped -> lines.add(0, dropped));
        if (plan.refusal().isPresent()) {
            return new JobSummary("Will not run: " + SessionWords.counted(choices.wordsFor(plan.refusal().get(), plan)), Tone.BAD, plan.counts(), lines);
        }
        if (plan.isLossy()) {
            return new JobSummary(FieldChange.onlyNotKept(plan.fieldChanges()) ? "Runs with loss: the fields below are dropped (allowed)"
                    : "Runs with loss: the fields below are dropped or cut as each line says (allowed)", Tone.WARNING, plan.counts(), lines);
        }
        if (plan.versionsDropped().isPresent()) {
            // said once, in the headline: versions superseded by an identical one are no loss and never get here
            return new JobSummary("Runs with loss: " + plan.versionsDropped().get(), Tone.WARNING, plan.counts(), lines.subList(1, lines.size()));
        }
        if (plan.overwritten() > 0) {
            return new JobSummary(String.format("Ready to run: %,d of the target's sessions %s replaced or removed (backed up first; Undo puts %s back)",
                    plan.overwritten(), plan.overwritten() == 1 ? "is" : "are", plan.overwritten() == 1 ? "it" : "them"), Tone.WARNING, plan.counts(), lines);
        }
        String headline = plan.coercions().isEmpty() ? "Ready to run: nothing is lost" : "Ready to run: nothing is lost; some dates stay as text";
        if (!plan.warnings().isEmpty()) {
            // a green "nothing is lost" above a warning (sessions of several tools mixed in one store) read as all clear
            int warnings = plan.warnings().size();
            return new JobSummary(headline + (warnings == 1 ? ", but read the warning below before you run" : ", but read the "
                    + warnings + " warnings below before you run"), Tone.WARNING, plan.counts(), lines);
        }
        if (plan.notes().size() == 1) {
            // a note alone is what the page has to say: an amber warning over "already done" read as something wrong
            return new JobSummary(sentence(plan.notes().get(0)), Tone.INFO, plan.counts(), lines.subList(0, lines.size() - 1));
        }
        if (!plan.notes().isEmpty()) {
            return new JobSummary(headline + "; read the notes below", Tone.INFO, plan.counts(), lines);
        }
        return new JobSummary(headline, Tone.GOOD, plan.counts(), lines);
    }

    /** The engine's line as a headline starts with a capital, as the other headlines do. */
    private static String sentence(String line) {
        return line.isEmpty() ? line : Character.toUpperCase(line.charAt(0)) + line.substring(1);
    }

    /**
     * @param choices    where the wizard keeps the controls the report's advice names
     * @param backupsDir where the job's backup folder is, named in the report's line about it
     */
    public static JobSummary ofReport(JobReport report, WizardChoices choices, Path backupsDir) {
        List<String> lines = new ArrayList<>();
        report.backupId().map(id -> report.targetWasAbsent() ? newTargetLine(id, backupsDir) : backupLine(id, backupsDir)).ifPresent(lines::add);
        lines.addAll(report.warnings());
        lines.addAll(report.notes());
        report.advice().forEach(advice -> lines.add("  " + choices.wordsFor(advice)));
        JsonNode verification = report.details().get("verification");
        if (report.outcome() == JobReport.Outcome.COMPLETED_WITH_PROBLEMS) {
            return new JobSummary("Completed with problems: read the lines below", Tone.BAD, report.counts(), lines);
        }
        if (verification == null) {
            return new JobSummary("Completed (not verified)", Tone.WARNING, report.counts(), lines);
        }
        return new JobSummary(String.format("Verified: %,d of %,d sessions match in the target", verification.path("matched").asLong(),
                verification.path("expected").asLong()), Tone.GOOD, report.counts(), lines);
    }

    /**
     * This summary with each source's count named by its store, "source 2 records (chat.db)": a consolidation of four stores
     * listed "source 1 records" to "source 4 records", which left the user to count down the Sources page.
     *
     * @param names each source's short name, in the order the job numbers them from 1
     */
    public JobSummary withSourcesNamed(List<String> names) {
        return new JobSummary(headline, tone, sourcesNamed(counts, names), lines);
    }

    /** A job's counts with each source's named by its store, as {@link #withSourcesNamed} names them: History tells a run so. */
    public static Map<String, Long> sourcesNamed(Map<String, Long> counts, List<String> names) {
        Map<String, Long> named = new LinkedHashMap<>();
        counts.forEach((name, count) -> named.put(sourceNamed(name, names), count));
        return named;
    }

    private static String sourceNamed(String count, List<String> names) {
        Matcher source = SOURCE_COUNT.matcher(count);
        if (!source.matches()) {
            return count;
        }
        int index = Integer.parseInt(source.group(1)) - 1;
        return index < names.size() ? count + " (" + names.get(index) + ")" : count;
    }

    /** The line naming the backup a job took, in full, and where the Undo that puts it back is. */
    public static String backupLine(String backupId, Path backupsDir) {
        return BACKUP_LINE + backupsDir.resolve(backupId) + "; " + WhereUndoIs.toPutBack("it");
    }

    /** The line of a job that made its target: undo removes it, and its "backup" only records that there was none. */
    private static String newTargetLine(String backupId, Path backupsDir) {
        return NEW_TARGET_LINE + "to remove it: " + WhereUndoIs.PHRASE + " (backup " + backupsDir.resolve(backupId) + ")";
    }

    /**
     * This report after its job was undone: the headline says what the undo did ({@code whatUndoDid}, the engine's words:
     * the store restored, or removed when the job created it), and the backup line goes, since that Undo has been used.
     * The counts stay, as what the job did.
     */
    public JobSummary undone(String step, String whatUndoDid) {
        return new JobSummary(undoneHeadline(step, whatUndoDid), Tone.WARNING, counts,
                lines.stream().filter(line -> !line.startsWith(BACKUP_LINE) && !line.startsWith(NEW_TARGET_LINE)).toList());
    }

    /**
     * This report after its job was undone, for a job whose counts and lines tell the state it left the store in (a repair's
     * findings that need a person): under the undo's headline they would read as the store's state now, so they go and
     * {@code now} says what is true since the undo and what to do.
     */
    public JobSummary undoneBackToBefore(String step, String whatUndoDid, String now) {
        return new JobSummary(undoneHeadline(step, whatUndoDid), Tone.WARNING, Map.of(), List.of(now));
    }

    private static String undoneHeadline(String step, String whatUndoDid) {
        return "Undone: the " + step + " was taken back. " + whatUndoDid;
    }
}
