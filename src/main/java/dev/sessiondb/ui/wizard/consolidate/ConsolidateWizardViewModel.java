package dev.sessiondb.ui.wizard.consolidate;

import dev.sessiondb.job.Refusal;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.job.consolidate.ConflictPolicy;
import dev.sessiondb.job.consolidate.ConsolidateJob;
import dev.sessiondb.job.consolidate.ConsolidateOptions;
import dev.sessiondb.job.consolidate.Consolidation;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.ui.common.BackgroundTask;
import dev.sessiondb.ui.common.DialogService;
import dev.sessiondb.ui.common.FailureText;
import dev.sessiondb.ui.common.LocatorInput;
import dev.sessiondb.ui.common.LocatorInput.Choice;
import dev.sessiondb.ui.common.StoreField;
import dev.sessiondb.ui.common.StoreNames;
import dev.sessiondb.ui.common.StoreOpener;
import dev.sessiondb.ui.common.TaskExecutor;
import dev.sessiondb.ui.common.UndoStack;
import dev.sessiondb.ui.diff.FieldRow;
import dev.sessiondb.ui.diff.SideBySide;
import dev.sessiondb.ui.stores.TypedPasswordForgottenException;
import dev.sessiondb.ui.wizard.JobStatement;
import dev.sessiondb.ui.wizard.JobSummary;
import dev.sessiondb.ui.wizard.PlannedJobRun;
import dev.sessiondb.ui.wizard.WizardChoices;
import dev.sessiondb.ui.wizard.WizardSteps;
import dev.sessiondb.ui.wizard.WizardTarget;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The consolidation wizard: sources in priority order, the target and the conflict policy, the
 * conflicts with a choice per conflict, then the plan, the run and its report (provenance and
 * the settings that point Minsky at the result). A run that wrote is undoable.
 */
public final class ConsolidateWizardViewModel {

    public static final int SOURCES = 0;
    public static final int TARGET = 1;
    public static final int CONFLICTS = 2;
    public static final int RUN = 3;
    /** The Run page's status once the plan allows the run: the page hides it while Run waits for an undo. */
    public static final String READY = "Plan ready: press Run.";

    private final ObservableList<String> sources = FXCollections.observableArrayList();
    private final StringProperty newSource = new SimpleStringProperty("");
    private final WizardTarget target;
    private final ObjectProperty<ConflictPolicy> policy = new SimpleObjectProperty<>(ConflictPolicy.NEWEST);
    private final ObservableList<ConflictRow> conflicts = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<JobStatement> statement = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<JobSummary> summary = new ReadOnlyObjectWrapper<>();
    private final WizardSteps steps = new WizardSteps(List.of("Sources", "Target and policy", "Conflicts", "Run and report"), this::entered);
    private final PlannedJobRun jobRun;
    private final ReadOnlyStringWrapper status;

    private final ObservableList<FieldRow> comparison = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper comparedTitle = new ReadOnlyStringWrapper("");
    private final ObservableList<Version> versions = FXCollections.observableArrayList();
    private final ObjectProperty<Version> left = new SimpleObjectProperty<>();
    private final ObjectProperty<Version> right = new SimpleObjectProperty<>();
    /** The conflict whose versions are listed; null when none is selected. */
    private ConflictRow shownConflict;

    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final LocatorInput locators;
    private final StoreOpener opener;
    private final BackupJournal journal;
    private ConsolidateJob job;
    private StoreLocator targetLocator;
    /** The planned job's sources by name, for its report's counts. */
    private List<String> sourceNames = List.of();
    /** The stores the listed conflicts were found in; null before the first search. */
    private Prepared analysed;

    public ConsolidateWizardViewModel(TaskExecutor executor, DialogService dialogs, LocatorInput locators, StoreOpener opener,
                                      UndoStack undo, BackupJournal journal,
            Executor uiThread) {
        this.jobRun = new PlannedJobRun(steps, summary, WizardChoices.CONSOLIDATE, executor, dialogs, undo, journal, uiThread);
        this.status = jobRun.status();
        this.target = new WizardTarget(dialogs, "Consolidate", executor, locators);
        this.executor = executor;
        this.dialogs = dialogs;
        this.locators = locators;
        this.opener = opener;
        this.journal = journal;
        steps.readyProperty().bind(Bindings.createBooleanBinding(() -> switch (steps.current()) {
            case SOURCES -> sources.size() >= 2;
            case TARGET -> !target.textProperty().get().isBlank() && policy.get() != null;
            default -> true;
        }, steps.currentProperty(), sources, target.textProperty(), policy));
        // Next waits for a second source: the status line says so, or the disabled button would be a riddle
        sources.addListener((ListChangeListener<String>) change -> sayWhatTheSourcesNeed());
        steps.currentProperty().addListener((property, before, after) -> sayWhatTheSourcesNeed());
        left.addListener((property, before, after) -> compareVersions());
        right.addListener((property, before, after) -> compareVersions());
    }

    // Properties

    public WizardSteps steps() {
        return steps;
    }

    /** The sources, first = highest priority (what "first" and ties under "newest" follow). */
    public ObservableList<String> sources() {
        return sources;
    }

    public StringProperty newSourceProperty() {
        return newSource;
    }

    /** The store the sources are consolidated into: its text, how the pages show it, the existing target's mode and Browse. */
    public WizardTarget target() {
        return target;
    }

    public ObjectProperty<ConflictPolicy> policyProperty() {
        return policy;
    }

    public ObservableList<ConflictRow> conflicts() {
        return conflicts;
    }

    /** What the planned job does, said before its plan and its report: the sources in priority order, the target, how, its backup. */
    public ReadOnlyObjectProperty<JobStatement> statementProperty() {
        return statement.getReadOnlyProperty();
    }

    /** The plan before the run, the report after it. */
    public ReadOnlyObjectProperty<JobSummary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The selected conflict's two versions field by field, secrets masked. */
    public ObservableList<FieldRow> comparison() {
        return comparison;
    }

    /** The selected conflict's versions, by who holds each: what the two sides of the comparison are chosen from. */
    public ObservableList<Version> versions() {
        return versions;
    }

    /** The version on the left of the comparison; the kept one when a conflict is selected. */
    public ObjectProperty<Version> leftVersionProperty() {
        return left;
    }

    /** The version on the right of the comparison; the first that differs from the kept one when a conflict is selected. */
    public ObjectProperty<Version> rightVersionProperty() {
        return right;
    }

    /** Which versions the comparison shows, in plain words. */
    public ReadOnlyStringProperty comparedTitleProperty() {
        return comparedTitle.getReadOnlyProperty();
    }

    /** The plan's run: whether the plan allows it, why Run waits, whether the plan is outdated, its progress and Cancel. */
    public PlannedJobRun jobRun() {
        return jobRun;
    }

    private void sayWhatTheSourcesNeed() {
        if (steps.current() == SOURCES) {
            status.set(sources.size() >= 2 ? "" : sources.isEmpty() ? "Add two or more sources to consolidate."
                    : "Add a second source: a consolidation merges two or more stores into one.");
        }
    }

    // Commands

    /** Starts from the open store as the first source, unless the user already chose two or more sources. */
    public void startFrom(String openStore) {
        if (sources.size() <= 1) {
            sources.setAll(openStore);
        }
    }

    public void addSource() {
        String text = newSource.get() == null ? "" : newSource.get().strip();
        if (!text.isEmpty() && !sources.contains(text)) {
            sources.add(text);
        }
        newSource.set("");
    }

    public void browseSource() {
        dialogs.chooseStoreFile().ifPresent(file -> {
            newSource.set(file.toString());
            addSource();
        });
    }

    public void removeSource(int index) {
        if (index >= 0 && index < sources.size()) {
            sources.remove(index);
        }
    }

    /** Moves a source one place up (towards first priority). */
    public void moveUp(int index) {
        if (index > 0 && index < sources.size()) {
            Collections.swap(sources, index, index - 1);
        }
    }

    public void moveDown(int index) {
        if (index >= 0 && index < sources.size() - 1) {
            Collections.swap(sources, index, index + 1);
        }
    }

    /** Finds the conflicts as the plan will settle them, a merge target's own versions taking part; nothing is written. */
    public void findConflicts() {
        Map<String, String> chosen = new HashMap<>();
        conflicts.forEach(conflict -> chosen.put(conflict.key(), conflict.choiceProperty().get()));
        conflicts.clear();
        prepare(Map.of(), prepared -> prepared.ifPresent(analysing -> findConflicts(analysing, chosen)));
    }

    private void findConflicts(Prepared analysing, Map<String, String> chosen) {
        jobRun.tasks().run("Find conflicts", "Reading the sources …", monitor -> analysing.job().analysis(monitor),
                analysis -> {
                    List<ConflictRow> found = analysis.conflicts().stream().map(ConflictRow::new).toList();
                    analysed = analysing;
                    comparison.clear();
                    comparedTitle.set("");
                    found.stream().filter(conflict -> conflict.options().contains(chosen.get(conflict.key())))
                            .forEach(conflict -> conflict.choiceProperty().set(chosen.get(conflict.key())));
                    conflicts.setAll(found);
                    status.set(found.isEmpty() ? noConflicts(analysis.sharedSessions())
                            : found.size() + " sessions differ between sources" + (found.stream().anyMatch(ConflictRow::heldByTarget)
                            ? " or from the target's own version" : "") + ". The policy settles each; choose a version to override it.");
                }, failure -> status.set("Cannot find the conflicts: " + FailureText.describe(passwordTakenOut(failure))));
    }

    private static String noConflicts(long shared) {
        return shared == 0 ? "No conflicts: the sources share no session."
                : shared == 1 ? "No conflicts: the 1 session the sources share is identical in each."
                : String.format("No conflicts: the %,d sessions the sources share are identical in each.", shared);
    }

    /** Lists the conflict's versions and lays the kept one beside the first that differs from it; the user may choose others. */
    public void showConflict(ConflictRow conflict) {
        Prepared stores = analysed;
        shownConflict = null;
        if (conflict == null || conflict.holderIndexes().size() < 2 || stores == null) {
            versions.clear();
            left.set(null);
            right.set(null);
            comparison.clear();
            comparedTitle.set("");
            return;
        }
        versions.setAll(conflict.holderIndexes().stream()
                .map(holder -> new Version(holder, stores.describe(holder), StoreNames.shown(stores.holder(holder).display()))).toList());
        // the kept version against one it differs from: the first two listed can be the same ("0 fields differ")
        left.set(versionHeldBy(conflict.keptHolder()));
        right.set(versionHeldBy(conflict.firstDifferingHolder()));
        shownConflict = conflict;
        compareVersions();
    }

    private Version versionHeldBy(int holder) {
        return versions.stream().filter(version -> version.holder() == holder).findFirst().orElseThrow();
    }

    /** Reads the two chosen versions of the shown conflict and lays them side by side. */
    private void compareVersions() {
        Prepared stores = analysed;
        ConflictRow conflict = shownConflict;
        Version a = left.get();
        Version b = right.get();
        if (conflict == null || stores == null || a == null || b == null) {
            return;
        }
        StoreLocator leftStore = stores.holder(a.holder());
        StoreLocator rightStore = stores.holder(b.holder());
        executor.execute(BackgroundTask.of("Read " + conflict.session(), monitor -> {
            try (SessionStore first = opener.open(leftStore); SessionStore second = leftStore.equals(rightStore) ? null : opener.open(rightStore)) {
                return SideBySide.compare(first.get(conflict.key()), (second == null ? first : second).get(conflict.key()), List.of());
            }
        }).onSuccess(rows -> {
            if (conflict != shownConflict || a != left.get() || b != right.get()) {
                return; // the user chose other versions while these were read
            }
            comparison.setAll(rows);
            long differing = rows.stream().filter(row -> row.state() == FieldRow.State.CHANGED).count();
            comparedTitle.set(String.format("%s: on the left the version in %s, on the right the one in %s; %d field%s differ%s, highlighted.",
                    conflict.session(), a.label(), b.label(), differing, differing == 1 ? "" : "s", differing == 1 ? "s" : "")
                    + (versions.size() > 2 ? " " + versions.size() + " versions (held by " + conflict.sourcesText() + "): choose the two to compare." : ""));
        }).onFailure(failure -> dialogs.showError("Cannot read the versions of " + conflict.session(), failure.getMessage())));
    }

    /** The dry run with the choices made; nothing is written. */
    public void makePlan() {
        statement.set(null);
        summary.set(null);
        jobRun.plan(prepared -> prepare(choices(), prepared), this::plan);
    }

    private void plan(Prepared prepared) {
        ConsolidateJob planned = prepared.job();
        StoreLocator plannedTarget = prepared.target();
        jobRun.tasks().run("Plan consolidation into " + StoreNames.shortName(plannedTarget), "Planning …", monitor -> planned.plan(), made -> {
            job = planned;
            targetLocator = plannedTarget;
            statement.set(JobStatement.ofConsolidation(prepared.sources(), plannedTarget, target.modeProperty().get(), made, journal.backupsDir()));
            summary.set(JobSummary.ofPlan(made, WizardChoices.CONSOLIDATE).withSourcesNamed(prepared.sourceNames()));
            sourceNames = prepared.sourceNames();
            jobRun.planned(Stream.concat(prepared.sources().stream(), Stream.of(plannedTarget)).toList(), made);
            status.set(made.refusal().map(ConsolidateWizardViewModel::whatToChange).orElse(READY));
        }, failure -> summary.set(JobSummary.ofFailure("Cannot plan", passwordTakenOut(failure))));
    }

    /** A refused password written in a store's URL, the target's or a source's, is taken out of it, so Next asks for it. */
    private Exception passwordTakenOut(Exception failure) {
        boolean takenOut = target.takeOutRefusedPassword(failure);
        for (int i = 0; i < sources.size(); i++) {
            Optional<String> without = StoreField.withoutRefusedPassword(failure, sources.get(i));
            if (without.isPresent()) {
                sources.set(i, without.get());
                takenOut = true;
            }
        }
        return takenOut ? TypedPasswordForgottenException.toldTakenOutOfTheUrl(failure) : failure;
    }

    private static String whatToChange(Refusal refusal) {
        return switch (refusal.reason()) {
            case CONFLICTS_UNCHOSEN -> "The job would refuse: choose a version for each conflict or another policy.";
            case CHOICE_UNMATCHED -> "The job would refuse: go Back to Conflicts and choose again.";
            case TARGET_HOLDS_RECORDS, REPLACE_WITH_EMPTY_SOURCE -> "The job would refuse: go Back to Target and policy and choose what to do"
                    + " with the existing target, or another target.";
            case FIELDS_TARGET_CANNOT_HOLD, MINSKY_COLUMNS_REFUSE_RECORDS, MESSAGE_IDS_OF_TWO_SESSIONS, OTHER -> "The job would refuse: go Back, change what the plan below says, and plan again.";
        };
    }

    public void run() {
        if (jobRun.mayRun(job)) {
            List<String> named = sourceNames;
            jobRun.run(job, "Consolidate into " + StoreNames.shortName(targetLocator), "Consolidating …",
                    saved -> "Done. The report with every session's provenance is saved as " + saved + ".", report -> report.withSourcesNamed(named));
        }
    }

    private void entered(int step) {
        if (step == CONFLICTS) {
            findConflicts();
        } else if (step == RUN) {
            makePlan();
        }
    }

    /** A job ready to plan, with its stores: the target for the undo stack, all of them to read a conflict's versions from. */
    private record Prepared(ConsolidateJob job, List<StoreLocator> sources, StoreLocator target) {

        /** Each source's short name, told apart from the others that share it. */
        List<String> sourceNames() {
            return sources.stream().map(source -> StoreNames.distinctName(source, sources)).toList();
        }

        /** A conflict's holder: a 0-based source or {@link Consolidation.Entry#TARGET}. */
        StoreLocator holder(int holder) {
            return holder == Consolidation.Entry.TARGET ? target : sources.get(holder);
        }

        /** "source 2 (b.json)" or "the target (all.db)"; a source named by what tells it from the others, briefly. */
        String describe(int holder) {
            return holder == Consolidation.Entry.TARGET ? "the target (" + StoreNames.shortName(target) + ")"
                    : "source " + (holder + 1) + " (" + StoreNames.briefly(StoreNames.distinctName(sources.get(holder), sources)) + ")";
        }
    }

    /** Gives {@code prepared} the job over the chosen stores, empty when they cannot be used; the wizard is busy meanwhile. */
    private void prepare(Map<String, Integer> choices, Consumer<Optional<Prepared>> prepared) {
        List<Choice> stores = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            stores.add(new Choice("Source " + (i + 1), sources.get(i)));
        }
        stores.add(target.choice());
        steps.busyProperty().set(true);
        locators.resolve(stores, resolved -> {
            steps.busyProperty().set(false);
            prepared.accept(resolved.map(found -> {
                List<StoreLocator> from = found.subList(0, found.size() - 1);
                StoreLocator into = found.get(found.size() - 1);
                return new Prepared(new ConsolidateJob(from, into,
                        new ConsolidateOptions(policy.get(), Optional.empty(), Optional.of(target.modeProperty().get()), false, true, choices), journal), from, into);
            }));
        });
    }

    /** The versions the user picked over the policy. */
    private Map<String, Integer> choices() {
        Map<String, Integer> choices = new HashMap<>();
        conflicts.forEach(conflict -> conflict.chosenSource().ifPresent(source -> choices.put(conflict.key(), source)));
        return choices;
    }
}
