package dev.sessiondb.ui.wizard.validate;

import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.job.repair.Changeset;
import dev.sessiondb.job.JobRefusedException;
import dev.sessiondb.job.repair.RepairJob;
import dev.sessiondb.job.repair.RepairedSession;
import dev.sessiondb.model.SessionKind;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.ui.common.ChangedSessions;
import dev.sessiondb.ui.common.CurrentStore;
import dev.sessiondb.ui.common.DialogService;
import dev.sessiondb.ui.common.FailureText;
import dev.sessiondb.ui.common.LocatorInput;
import dev.sessiondb.ui.common.RepeatsRepair;
import dev.sessiondb.ui.common.StoreField;
import dev.sessiondb.ui.common.StoreNames;
import dev.sessiondb.ui.common.StoreOpener;
import dev.sessiondb.ui.common.TaskExecutor;
import dev.sessiondb.ui.common.UndoStack;
import dev.sessiondb.ui.wizard.JobSummary;
import dev.sessiondb.ui.wizard.OpenStoreDefault;
import dev.sessiondb.ui.wizard.ReportedJob;
import dev.sessiondb.ui.wizard.WizardJobRun;
import dev.sessiondb.ui.wizard.WizardSteps;
import dev.sessiondb.validation.Checks;
import dev.sessiondb.validation.Finding;
import dev.sessiondb.validation.ValidationContext;
import dev.sessiondb.validation.Validator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The validation wizard: choose a store and checks, read the findings grouped by check, choose
 * which fixes to make, preview the changeset record by record, apply it (the store is backed up
 * first; undo restores the backup), then validate again.
 */
public final class ValidateWizardViewModel {

    public static final int STORE = 0;
    public static final int FINDINGS = 1;
    public static final int PREVIEW = 2;
    public static final int APPLY = 3;
    /** The Apply page's status with changes to apply: the page hides it while Apply waits for an undo. */
    public static final String READY = "Ready: press Apply. The store is backed up first.";
    /** The Apply page's line once its repair is undone, in place of the repair's counts. */
    public static final String BACK_TO_BEFORE = "The store is as it was before the repair, its findings with it: press Validate again to see them.";

    /** The preview shows the changes of this many records; the counts cover them all. */
    public static final int PREVIEW_LIMIT = 1_000;

    /** What a validation found, and in how many sessions. */
    private record Validated(List<Finding> found, long sessions) {
    }

    /** What the preview shows of a changeset: the first records' field lines and the counts, and the repair that applies only it. */
    private record Preview(RepairJob repair, List<ChangeLine> lines, long updates, long inserts, Map<String, Long> manualByCheck) {
    }

    /** A check the user may run or leave out. */
    public record CheckChoice(String name, BooleanProperty run) {

        /** The check in a user's words ({@link Checks#label}). */
        public String label() {
            return Checks.label(name);
        }

        /** What the box does, with the name {@code sessiondb validate --check} takes. */
        public String help() {
            return "Run the check " + label() + " (sessiondb validate --check " + name + ")";
        }
    }

    private final StoreField store;
    private final WorkspacesFolder workspaces = new WorkspacesFolder();
    private final CheckChoices checks;
    private final ObservableList<FindingGroup> findings = FXCollections.observableArrayList();
    private final ObservableList<ChangeLine> changes = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<JobSummary> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper clean = new ReadOnlyBooleanWrapper(false);
    private final WizardSteps steps = new WizardSteps(List.of("Store and checks", "Findings", "Preview changes", "Apply"), this::entered);
    private final WizardJobRun jobRun;
    private final ReadOnlyStringWrapper status;
    private final BooleanProperty changesetReady = new SimpleBooleanProperty(false);
    /** The store's damage stops every fix, so none is ticked or offered and Next waits: the status line says why and what to do first. */
    private final BooleanBinding fixesStopped = Bindings.createBooleanBinding(() -> FindingGroup.whyNoFixCanBeMade(findings).isPresent(), findings);

    private final DialogService dialogs;
    private final LocatorInput locators;
    private final StoreOpener opener;
    private final CurrentStore current;
    private final UndoStack undo;
    private final BackupJournal journal;
    private final ValidatedStore validatedStore;
    private final ChangedSessions changedSessions;
    private final RepeatsRepair repeatsRepair = new RepeatsRepair();
    private RepairJob repair;
    /** Per check, the previewed repair's findings that no fix resolves, and those of the checks it leaves unfixed, which need a person as much. */
    private Map<String, Long> needingAPerson = Map.of();

    public ValidateWizardViewModel(TaskExecutor executor, DialogService dialogs, LocatorInput locators, StoreOpener opener,
                                   CurrentStore current, UndoStack undo, BackupJournal journal,
            Executor uiThread) {
        this.jobRun = new WizardJobRun(steps.busyProperty(), executor, dialogs, undo, uiThread, this::showFailure);
        this.status = jobRun.status();
        this.store = StoreField.existing("Store", dialogs);
        this.dialogs = dialogs;
        this.locators = locators;
        this.opener = opener;
        this.current = current;
        this.undo = undo;
        this.journal = journal;
        this.checks = new CheckChoices(current, this::openStoreKindIfChosen);
        store.textProperty().addListener((property, before, after) -> checks.update());
        OpenStoreDefault.follow(current, store.textProperty()::set, () -> steps.current() == STORE);
        this.validatedStore = new ValidatedStore(current, dialogs);
        this.changedSessions = new ChangedSessions(executor, current);
        steps.readyProperty().bind(Bindings.createBooleanBinding(this::ready, steps.currentProperty(), store.textProperty(), workspaces.problem(), findings, changesetReady,
                fixesStopped));
    }

    /** Where a JSON file that cannot be validated because sessions repeat in it is taken, in place of an error. */
    public RepeatsRepair repeatsRepair() {
        return repeatsRepair;
    }

    // Properties

    public WizardSteps steps() {
        return steps;
    }

    /** The store validated and repaired: its text, how the pages show it, and Browse. */
    public StoreField store() {
        return store;
    }

    /** Optional: a folder of Minsky workspaces whose sessions should all be registered. */
    public StringProperty workspacesProperty() {
        return workspaces.text();
    }

    /** What is wrong with the Workspaces folder (a missing folder, the sessions folder itself): a validation would check no workspace. */
    public StringBinding workspacesProblem() {
        return workspaces.problem();
    }

    /** That the Workspaces folder is a fresh state directory with no workspace in it yet: valid, nothing to register. */
    public StringBinding workspacesNote() {
        return workspaces.note();
    }

    /** The checks offered: those that apply to the store's kind of sessions, where it is known (the open store's). */
    public ObservableList<CheckChoice> checks() {
        return checks.offered();
    }

    /** The findings of the last run, one group per check, worst first. */
    public ObservableList<FindingGroup> findings() {
        return findings;
    }

    /** The last validation found nothing: the Findings page says the store is clean where the findings would be. */
    public ReadOnlyBooleanProperty cleanProperty() {
        return clean.getReadOnlyProperty();
    }

    /**
     * Says, when the findings are of a store other than the open one, that the detail pane (which shows the open
     * store's sessions) cannot show their sessions; empty when they are the open store's or none are shown.
     */
    public ReadOnlyStringProperty anotherStoreValidatedProperty() {
        return validatedStore.anotherStoreValidatedProperty();
    }

    /**
     * Whether the page is for a store other than the open one, from the start of its validation: the detail pane, which shows
     * the open store's sessions, has no place beside it, even while the findings are still coming.
     */
    public ReadOnlyBooleanProperty forAnotherStoreProperty() {
        return validatedStore.forAnotherStoreProperty();
    }

    /** Whether the store's damage stops every fix: the fixes' boxes wait, unticked, as Next does. */
    public BooleanBinding fixesStoppedProperty() {
        return fixesStopped;
    }

    /** The changeset as field lines: what applying would change. */
    public ObservableList<ChangeLine> changes() {
        return changes;
    }

    /** What applying did. */
    public ReadOnlyObjectProperty<JobSummary> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** The sessions the applied repair changed, from its report; none before Apply and once the repair is undone. */
    public ChangedSessions changedSessions() {
        return changedSessions;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public BooleanProperty changesetReadyProperty() {
        return changesetReady;
    }

    /** The repair's run: why Apply waits, its progress and Cancel. */
    public WizardJobRun jobRun() {
        return jobRun;
    }

    // Commands

    /** Runs the chosen checks in the background and groups what they find. */
    public void validate() {
        findings.clear();
        clean.set(false);
        steps.busyProperty().set(true); // the wizard waits while a PostgreSQL server is asked whether it wants a password
        locators.resolve(List.of(store.choice()), resolved -> {
            steps.busyProperty().set(false);
            resolved.ifPresent(locator -> validate(locator.get(0)));
        });
    }

    private void validate(StoreLocator locator) {
        validate(locator, "");
    }

    /** Validates {@code locator}; {@code why} opens the status line, saying why the findings were replaced. */
    private void validate(StoreLocator locator, String why) {
        List<String> names = checks.offered().stream().filter(choice -> choice.run().get()).map(CheckChoice::name).toList();
        List<Path> roots = workspaces.roots();
        validatedStore.validating(locator);
        jobRun.tasks().run("Validate " + StoreNames.shortName(locator), "Validating …", monitor -> {
            List<Finding> found = new ArrayList<>();
            try (SessionStore whole = opener.open(locator)) {
                SessionStore opened = Checks.readBy(names, whole);
                long sessions = opened.count();
                new Validator(Checks.create(names, ValidationContext.of(opened, roots))).run(opened, found::add, monitor);
                return new Validated(found, sessions);
            }
        }, validation -> {
            List<Finding> found = validation.found();
            validatedStore.validated(locator);
            findings.setAll(FindingGroup.byCheck(found));
            clean.set(found.isEmpty());
            validatedStore.sayWhetherAnotherStoreIsValidated();
            // how many sessions and checks: "no findings" in an empty store, or of one check, is no word on the store
            status.set(why + (found.isEmpty() ? String.format("No findings in %,d %s: the %d %s chosen found nothing to fix.", validation.sessions(),
                    validation.sessions() == 1 ? "session" : "sessions", names.size(), names.size() == 1 ? "check" : "checks")
                    : FindingGroup.said(findings)));
        }, failure -> {
            if (repeatsRepair.took(locator, failure)) {
                status.set("Sessions repeat in " + StoreNames.shortName(locator) + ": no check can run until they are resolved.");
            } else {
                showFailure(failure);
            }
        });
    }

    /** Plans the chosen fixes; nothing is written. */
    public void preview() {
        changes.clear();
        changesetReady.set(false);
        List<String> fixing = findings.stream().filter(group -> group.isRepairable() && group.fixProperty().get()).map(FindingGroup::check).toList();
        StoreLocator locator = validatedStore.locator();
        if (locator == null || fixing.isEmpty()) {
            repair = null;
            status.set("No fixes chosen: go back and tick the checks to fix.");
            return;
        }
        RepairJob planned = new RepairJob(locator, fixing, workspaces.roots(), journal);
        jobRun.tasks().run("Plan repair of " + StoreNames.shortName(locator), "Planning the changes …", monitor -> {
            try (Changeset changeset = planned.changeset(monitor)) {
                List<ChangeLine> lines = new ArrayList<>();
                changeset.first(PREVIEW_LIMIT).forEach(change -> lines.addAll(ChangeLine.of(change)));
                changeset.notWritten().forEach(record -> lines.add(ChangeLine.of(record)));
                return new Preview(planned.approving(changeset), lines, changeset.updates(), changeset.inserts(), changeset.manualByCheck());
            }
        }, preview -> {
            changes.setAll(preview.lines());
            changesetReady.set(preview.updates() + preview.inserts() > 0);
            // the planner counts what the chosen checks cannot fix; the findings of checks left unfixed need a person too, in the report as here
            Map<String, Long> unfixed = FindingGroup.needingAPersonByCheck(findings.stream().filter(group -> !fixing.contains(group.check())).toList());
            repair = preview.repair().alsoLeaving(unfixed);
            needingAPerson = new LinkedHashMap<>(preview.manualByCheck());
            needingAPerson.putAll(unfixed);
            long needPerson = needingAPerson.values().stream().mapToLong(Long::longValue).sum();
            status.set(String.format("%,d sessions to update, %,d to add; %,d %s a person (no automatic fix). Nothing is written yet.%s",
                    preview.updates(), preview.inserts(), needPerson, needPerson == 1 ? "finding needs" : "findings need",
                    preview.updates() + preview.inserts() > PREVIEW_LIMIT ? String.format(" (the first %,d are shown)", PREVIEW_LIMIT) : ""));
        }, failure -> {
            // the page stays after the error's dialog: it says why it is empty (a damaged record, say), not to tick a fix already ticked
            status.set("Nothing to preview: " + FailureText.describe(failure));
            showFailure(failure);
        });
    }

    /** Runs the repair job: it backs the store up, then writes the changeset in one transaction; undo restores the backup. */
    public void apply() {
        RepairJob planned = repair;
        StoreLocator locator = validatedStore.locator();
        Map<String, Long> needing = needingAPerson;
        if (planned == null || !changesetReady.get() || jobRun.undoRuns()) {
            return;
        }
        result.set(null);
        changedSessions.clear();
        jobRun.tasks().runJob("Repair " + StoreNames.shortName(locator), "Backing up, then applying …", monitor -> planned.run(jobRun.progress().follow(monitor)), report -> {
            repair = null;
            changesetReady.set(false);
            current.changed();
            long changed = report.counts().getOrDefault("records to change", 0L);
            long registered = report.counts().getOrDefault("workspaces to register", 0L);
            List<String> lines = new ArrayList<>();
            report.backupId().map(id -> JobSummary.backupLine(id, journal.backupsDir())).ifPresent(lines::add);
            // the engine's sentence names a check as the CLI's scripts read it; the window says it in the user's words
            Set<String> namingOnly = needing.entrySet().stream().map(each -> Changeset.needingAPerson(each.getValue(), each.getKey())).collect(Collectors.toSet());
            report.warnings().stream().filter(warning -> !namingOnly.contains(warning)).forEach(lines::add);
            needing.forEach((check, count) -> lines.add(FindingGroup.needingAPerson(count, check)));
            changedSessions.listed(report.runId(), locator, RepairedSession.of(report), RepairedSession.count(report.counts()), null);
            status.set("Applied. Validate again to see what is left.");
            JobSummary repaired = new JobSummary(String.format("Repaired: %,d sessions updated, %,d added", changed, registered), JobSummary.Tone.GOOD,
                    report.counts(), lines);
            // the repair's counts and the findings it left to a person are no longer the store's once it is undone
            ReportedJob.show(report, repaired, (step, whatUndoDid) -> repaired.undoneBackToBefore(step, whatUndoDid, BACK_TO_BEFORE), result, status,
                    undo, journal, () -> {
                        changedSessions.undone(report.runId());
                        restored(locator);
                    });
        }, this::applyStopped);
    }

    private void showFailure(Exception failure) {
        dialogs.showError("Could not finish", FailureText.describe(failure));
    }

    /** A refused apply wrote nothing; the preview it refused no longer shows the store, so Apply waits for a new one. */
    private void applyStopped(Exception failure) {
        if (!(failure instanceof JobRefusedException)) {
            showFailure(failure);
            return;
        }
        repair = null;
        changesetReady.set(false);
        status.set("Nothing was applied: " + failure.getMessage() + ".");
        dialogs.showError("Repair refused", failure.getMessage());
    }

    /**
     * The repair of {@code locator} was undone, so findings or a preview of it describe the repaired store, not the one
     * restored: the Findings page validates it again, the Preview page drops its plan. The Apply page's Validate again
     * and the Store page's Next validate afresh anyway.
     */
    private void restored(StoreLocator locator) {
        if (!validatedStore.is(locator)) {
            return;
        }
        switch (steps.current()) {
            case FINDINGS -> {
                findings.clear();
                clean.set(false);
                validate(validatedStore.locator(), "The repair was undone; validated again: ");
            }
            case PREVIEW -> {
                repair = null;
                changes.clear();
                changesetReady.set(false);
                status.set("The repair was undone, so this preview no longer shows the store: go Back to validate it again.");
            }
            default -> { }
        }
    }

    /** Shows a finding's session in the detail pane, when the validated store is the one open; else says to open it. */
    public void showSession(String key) {
        validatedStore.showSession(key);
    }

    /**
     * The selected finding's session shows in the detail pane beside the findings, when the validated store is the one
     * open; selecting says nothing otherwise (Enter or a double-click on the finding says to open the store).
     */
    public void followFinding(String key) {
        validatedStore.followFinding(key);
    }

    /** The open store's one kind of sessions when the store to validate is the open one, as the field names it; else none. */
    private Optional<SessionKind> openStoreKindIfChosen() {
        boolean openOneChosen = current.isOpen() && store.textProperty().get() != null
                && store.textProperty().get().trim().equals(current.store().locator().withoutPassword().display());
        return openOneChosen ? Optional.ofNullable(current.listedKindProperty().get()) : Optional.empty();
    }

    /** Back to the findings, validated afresh. */
    public void revalidate() {
        steps.go(FINDINGS);
    }

    private void entered(int step) {
        switch (step) {
            case FINDINGS -> validate();
            case PREVIEW -> preview();
            case APPLY -> {
                result.set(null);
                changedSessions.clear();
                status.set(changesetReady.get() ? READY : "Nothing to apply.");
            }
            default -> status.set("");
        }
    }

    private boolean ready() {
        return switch (steps.current()) {
            case STORE -> !store.textProperty().get().isBlank() && workspaces.problem().get().isEmpty();
            case FINDINGS -> findings.stream().anyMatch(FindingGroup::isRepairable) && !fixesStopped.get();
            case PREVIEW -> changesetReady.get();
            default -> true;
        };
    }
}
