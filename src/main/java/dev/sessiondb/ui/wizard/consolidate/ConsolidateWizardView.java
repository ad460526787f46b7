package dev.sessiondb.ui.wizard.consolidate;

import dev.sessiondb.job.consolidate.ConflictPolicy;
import dev.sessiondb.ui.common.Controls;
import dev.sessiondb.ui.common.KnownStores;
import dev.sessiondb.ui.common.StoreNames;
import dev.sessiondb.ui.common.StorePicker;
import dev.sessiondb.ui.common.WrappedTextCell;
import dev.sessiondb.ui.diff.FieldRow;
import dev.sessiondb.ui.diff.SideBySideTable;
import dev.sessiondb.ui.wizard.JobStatementView;
import dev.sessiondb.ui.wizard.JobSummaryView;
import dev.sessiondb.ui.wizard.TargetModeChoice;
import dev.sessiondb.ui.wizard.TargetModeWords;
import dev.sessiondb.ui.wizard.WhereUndoIs;
import dev.sessiondb.ui.wizard.WizardPages;
import dev.sessiondb.ui.wizard.WizardPane;
import java.util.List;
import java.util.function.IntConsumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The consolidation wizard's four pages over {@link ConsolidateWizardViewModel}. */
public final class ConsolidateWizardView extends WizardPane {

    /**
     * Room for the conflicts table's header and four rows, each as tall as the policy's words wrapped on three lines: the page
     * scrolls on a small screen rather than squeeze it to one.
     */
    private static final double CONFLICTS_MIN_HEIGHT = 270;
    /** Room for the compared versions' header and a few fields below the conflicts, which also must not shrink to nothing. */
    private static final double VERSIONS_MIN_HEIGHT = 150;

    public ConsolidateWizardView(ConsolidateWizardViewModel viewModel, KnownStores known) {
        super("consolidate", "Consolidate stores", viewModel.steps(), List.of(sources(viewModel, known), target(viewModel, known),
                conflicts(viewModel), run(viewModel)));
    }

    private static Node sources(ConsolidateWizardViewModel viewModel, KnownStores known) {
        ListView<String> list = Controls.describe(new ListView<>(viewModel.sources()), "The sources, highest priority first");
        list.setId("consolidate-sources");
        list.setPlaceholder(Controls.emptyState("No sources yet: add two or more stores above."));
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(String source, boolean empty) {
                super.updateItem(source, empty);
                setText(empty ? null : StoreNames.shown(source));
            }
        });
        Button add = Controls.button("Add", "Add the store typed or picked above as the last source", viewModel::addSource);
        add.setId("consolidate-add");
        Button up = Controls.button("Up", "Give the selected source a higher priority",
                () -> move(list, viewModel::moveUp, -1));
        up.setId("consolidate-up");
        Button down = Controls.button("Down", "Give the selected source a lower priority",
                () -> move(list, viewModel::moveDown, 1));
        down.setId("consolidate-down");
        Button remove = Controls.button("Remove", "Leave the selected source out",
                () -> viewModel.removeSource(list.getSelectionModel().getSelectedIndex()));
        remove.setId("consolidate-remove");
        StorePicker newSource = new StorePicker("consolidate-new-source", "A store to add as a source (Enter adds it)", viewModel.newSourceProperty(), known,
                viewModel::browseSource);
        newSource.onEnter(viewModel::addSource);
        HBox adding = new HBox(8, newSource, add);
        HBox.setHgrow(adding.getChildren().get(0), Priority.ALWAYS);
        VBox order = new VBox(8, up, down, remove);
        HBox body = new HBox(8, list, order);
        HBox.setHgrow(list, Priority.ALWAYS);
        return WizardPages.page("Sources in priority order", "Sources are only read. The first wins under \"first\", and ties under \"newest\".",
                adding, body, WizardPages.statusText("consolidate-sources-status", viewModel.statusProperty()));
    }

    private static void move(ListView<String> list, IntConsumer move, int by) {
        int selected = list.getSelectionModel().getSelectedIndex();
        move.accept(selected);
        list.getSelectionModel().clearAndSelect(Math.max(0, Math.min(list.getItems().size() - 1, selected + by)));
    }

    private static Node target(ConsolidateWizardViewModel viewModel, KnownStores known) {
        ChoiceBox<ConflictPolicy> policy = Controls.describe(new ChoiceBox<>(), "How a session held with different content by several sources is settled");
        policy.setId("consolidate-policy");
        policy.getItems().setAll(ConflictPolicy.values());
        policy.setConverter(new StringConverter<>() {
            @Override
            public String toString(ConflictPolicy value) {
                return value == null ? "" : plainWords(value);
            }

            @Override
            public ConflictPolicy fromString(String text) {
                return null;
            }
        });
        policy.valueProperty().bindBidirectional(viewModel.policyProperty());
        GridPane form = WizardPages.form();
        form.addRow(0, new Label("Target"), new StorePicker("consolidate-target", "The store to consolidate into (.db for SQLite)",
                viewModel.target().textProperty(), known, viewModel.target()::browse));
        form.addRow(1, new Label(""), WizardPages.targetLook("consolidate-target-look", viewModel.target()));
        form.addRow(2, new Label("When sources differ"), policy);
        form.addRow(3, new Label("Existing target"), new TargetModeChoice("consolidate-mode", viewModel.target(), TargetModeWords.CONSOLIDATE));
        form.addRow(4, new Label(""), WizardPages.writesTo("consolidate-writes-to", viewModel.target().shown(),
                "an existing target is backed up first; " + WhereUndoIs.toPutBack("it")));
        return WizardPages.page("Target and policy", "A new target appears only when complete; an existing one is backed up first.", form);
    }

    private static Node conflicts(ConsolidateWizardViewModel viewModel) {
        TableView<ConflictRow> table = Controls.fittedTable("consolidate-conflicts", viewModel.conflicts(),
                "Sessions the sources hold with different content, each with a choice", "No conflicts: every shared session is the same in all sources.");
        TableColumn<ConflictRow, ConflictRow> choice = new TableColumn<>("Keep");
        choice.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        choice.setCellFactory(column -> new ChoiceCell());
        TableColumn<ConflictRow, String> byPolicy = WizardPages.column("Unless you pick one", ConflictRow::byPolicy);
        // what happens to a conflict the user leaves to the policy is the row's point: it wraps rather than end in "…"
        byPolicy.setCellFactory(column -> new WrappedTextCell<>());
        table.getColumns().addAll(List.of(WizardPages.column("Session", ConflictRow::session), WizardPages.column("Held by", ConflictRow::sourcesText),
                byPolicy, choice));
        double[] widths = {110, 95, 320, 120};
        for (int i = 0; i < widths.length; i++) {
            table.getColumns().get(i).setPrefWidth(widths[i]);
            table.getColumns().get(i).setMinWidth(i == 2 ? 200 : widths[i]);
        }
        table.setMinHeight(CONFLICTS_MIN_HEIGHT);
        table.getSelectionModel().selectedItemProperty().addListener((property, before, after) -> viewModel.showConflict(after));
        Label compared = Controls.styled(new Label(), "text-bold");
        compared.setId("consolidate-compared");
        compared.setWrapText(true);
        compared.setMinHeight(Region.USE_PREF_SIZE);
        compared.textProperty().bind(Bindings.when(viewModel.comparedTitleProperty().isEmpty())
                .then("Select a conflict to see how its versions differ, side by side, before you pick one.")
                .otherwise(viewModel.comparedTitleProperty()));
        TableView<FieldRow> versions = SideBySideTable.create("consolidate-versions",
                viewModel.comparison(), "Left version", "Right version", "Select a conflict above to compare its versions.");
        // the first difference in view: the versions differ somewhere down the record, not in its key
        viewModel.comparison().addListener((ListChangeListener<FieldRow>) change ->
                viewModel.comparison().stream().filter(row -> row.state() == FieldRow.State.CHANGED).findFirst()
                        .ifPresent(versions::scrollTo));
        versions.setMinHeight(VERSIONS_MIN_HEIGHT);
        VBox comparison = new VBox(6, compared, versionPickers(viewModel), versions);
        VBox.setVgrow(versions, Priority.ALWAYS);
        SplitPane split = new SplitPane(table, comparison);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.4);
        VBox.setVgrow(split, Priority.ALWAYS);
        return WizardPages.page("Conflicts", "Sessions the sources hold in different versions (under Merge, the target's own version takes part). Select one to compare its versions; "
                        + "keep the policy's pick or choose the version yourself.",
                WizardPages.statusLine("consolidate-conflicts-status", viewModel.statusProperty(), viewModel.steps().busyProperty()), split);
    }

    /**
     * Which two of the selected conflict's versions are compared: the kept one and the first differing from it, unless the user
     * picks others. Each picker has half the row whatever its list holds: a picker is as wide as its widest item, and two
     * stores' whole paths pushed both to "…".
     */
    private static Node versionPickers(ConsolidateWizardViewModel viewModel) {
        ComboBox<Version> left = versionPicker("consolidate-left-version", "The version shown on the left", viewModel, viewModel.leftVersionProperty());
        ComboBox<Version> right = versionPicker("consolidate-right-version", "The version shown on the right", viewModel, viewModel.rightVersionProperty());
        GridPane pickers = new GridPane();
        pickers.setHgap(8);
        pickers.addRow(0, new Label("Left"), left, new Label("Right"), right);
        ColumnConstraints label = new ColumnConstraints();
        label.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints picker = new ColumnConstraints();
        picker.setHgrow(Priority.ALWAYS);
        picker.setFillWidth(true);
        pickers.getColumnConstraints().setAll(label, picker, label, picker);
        pickers.disableProperty().bind(Bindings.isEmpty(viewModel.versions()));
        return pickers;
    }

    /** Shows a version by its store's name as it is told from the others, the store's whole path in the open list and the tooltip. */
    private static ComboBox<Version> versionPicker(String id, String help, ConsolidateWizardViewModel viewModel, ObjectProperty<Version> chosen) {
        ComboBox<Version> box = Controls.describe(new ComboBox<>(viewModel.versions()), help);
        box.setId(id);
        box.setMaxWidth(Double.MAX_VALUE);
        // as wide as its column gives: its list's whole paths would make it wider than the row
        box.setPrefWidth(0);
        box.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Version version, boolean empty) {
                super.updateItem(version, empty);
                setText(empty || version == null ? null : version.label() + "\n" + version.store());
            }
        });
        box.valueProperty().bindBidirectional(chosen);
        box.getTooltip().textProperty().bind(Bindings.createStringBinding(() -> chosen.get() == null ? help : chosen.get().store(), chosen));
        return box;
    }

    /** The policy as a user reads it, not as the command line spells it. */
    static String plainWords(ConflictPolicy policy) {
        return switch (policy) {
            case NEWEST -> "Keep the newest version";
            case FIRST -> "Keep the version of the first source listed";
            case FAIL -> "Stop, and let me pick each version";
            case KEEP_BOTH -> "Keep every version (the others renamed KEY~N)";
        };
    }

    private static Node run(ConsolidateWizardViewModel viewModel) {
        HBox actions = WizardPages.runButtons("consolidate", "Run consolidation", "Write the consolidated store, then verify", viewModel::run,
                viewModel.jobRun()::cancel, viewModel.jobRun().runnableProperty(), viewModel.steps().busyProperty(), viewModel.jobRun().runWaitsProperty(),
                WizardPages.planAgainButton("consolidate", viewModel::makePlan, viewModel.jobRun().planOutdatedProperty()));
        return WizardPages.page("Run and report", "The plan first; after the run, the report: counts, every conflict, and the settings for Minsky.",
                new JobStatementView("consolidate-job", viewModel.statementProperty()),
                actions,
                WizardPages.progressLine("consolidate-progress", viewModel.jobRun().progress(), viewModel.steps().busyProperty()),
                WizardPages.runStatusText("consolidate-status", viewModel.statusProperty(), ConsolidateWizardViewModel.READY,
                        viewModel.jobRun().runWaitsProperty()),
                new JobSummaryView("consolidate-summary", viewModel.summaryProperty()));
    }

    /** The per-conflict choice: "By policy", a source holding a version, or the merge target's own version. */
    private static final class ChoiceCell extends TableCell<ConflictRow, ConflictRow> {

        private final ChoiceBox<String> box = new ChoiceBox<>();
        private ConflictRow bound;

        @Override
        protected void updateItem(ConflictRow row, boolean empty) {
            super.updateItem(row, empty);
            if (bound != null) {
                box.valueProperty().unbindBidirectional(bound.choiceProperty());
                bound = null;
            }
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            box.getItems().setAll(row.options());
            box.valueProperty().bindBidirectional(row.choiceProperty());
            box.setAccessibleText("Which version of " + row.session() + " to keep");
            bound = row;
            setGraphic(box);
        }
    }
}
