package dev.sessiondb.ui.wizard;

import dev.sessiondb.job.Advice;
import dev.sessiondb.job.FieldChange;
import dev.sessiondb.job.JobPlan;
import dev.sessiondb.job.Refusal;
import java.util.Optional;

/**
 * Where a wizard keeps the choices a refused plan sends its user back to, so the refusal names
 * those controls and their pages where the command line's words name its flags.
 *
 * @param targetPage    the page where the target is chosen
 * @param modePage      the page with the "Existing target" choice
 * @param layoutPage    the page with the "Layout" of a new target; empty when the wizard has none
 * @param allowLossPage the page with the "Allow loss" box; empty when the wizard has none
 */
public record WizardChoices(String targetPage, String modePage, Optional<String> layoutPage, Optional<String> allowLossPage) {

    /** The migrate wizard: target and layout on its first page, the rest on Options. */
    public static final WizardChoices MIGRATE = new WizardChoices("Source and target", "Options", Optional.of("Source and target"), Optional.of("Options"));
    /** The consolidate wizard: one page for the target and what to do with it; no layout, no loss allowed. */
    public static final WizardChoices CONSOLIDATE = new WizardChoices("Target and policy", "Target and policy", Optional.empty(), Optional.empty());

    /** The refusal in the window's words: the command line's text, unless it names flags this wizard has controls for. */
    String wordsFor(Refusal refusal, JobPlan plan) {
        long held = plan.targetRecordsBefore();
        return switch (refusal.reason()) {
            case TARGET_HOLDS_RECORDS -> String.format("the target already holds %,d sessions; choose Existing target: Replace or Merge on the %s page"
                    + " (it is backed up first), or another target", held, modePage);
            case REPLACE_WITH_EMPTY_SOURCE -> String.format("the source holds no sessions, so Replace would leave the target with none of its %,d;"
                    + " check the source, or choose Merge on the %s page", held, modePage);
            case FIELDS_TARGET_CANNOT_HOLD -> refusal.problem() + "; to keep every field, choose " + nativeTarget()
                    + allowLossPage.map(page -> ", or tick Allow loss on the " + page + " page to write them "
                            + (FieldChange.onlyNotKept(plan.fieldChanges()) ? "without those fields" : "as the lines below say")).orElse("");
            case MINSKY_COLUMNS_REFUSE_RECORDS -> refusal.problem() + "; fix those records in the source, or choose " + nativeTarget()
                    + ", as the native layout keeps what Minsky's columns refuse; then plan again";
            case MESSAGE_IDS_OF_TWO_SESSIONS -> refusal.problem() + "; give those messages ids of their own in the source, or choose " + nativeTarget()
                    + ", which keeps each session's messages with it; then plan again";
            case CHOICE_UNMATCHED -> refusal.problem() + "; the stores changed since the conflicts were listed: go Back to the Conflicts page"
                    + " and choose again";
            case CONFLICTS_UNCHOSEN, OTHER -> refusal.text();
        };
    }

    /** A report's advice in the window's words: this wizard's controls where the command line's words name flags. */
    String wordsFor(Advice advice) {
        return switch (advice.reason()) {
            case MINSKY_READS_ONLY_ITS_LAYOUT -> advice.problem() + ": " + layoutPage
                    .map(page -> "run again with Layout: minsky on the " + page + " page")
                    .orElse("run again with a target in Minsky's layout on the " + targetPage + " page (add ?layout=minsky to a new target,"
                            + " as in sqlite:/path/sessions.db?layout=minsky, or choose Minsky's own store with Existing target: Merge)")
                    + "; the plan shows any field Minsky's layout cannot hold.";
        };
    }

    /** A target in the native layout, as this wizard makes one: its Layout choice, or else a new SQLite store (native unless told otherwise). */
    private String nativeTarget() {
        return layoutPage.map(page -> "Layout: native for a new target on the " + page + " page")
                .orElse("a new SQLite (.db) target on the " + targetPage + " page (new SQLite stores are native)");
    }
}
