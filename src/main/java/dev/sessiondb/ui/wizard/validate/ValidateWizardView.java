package dev.sessiondb.ui.wizard.validate;

import dev.sessiondb.ui.common.BreakableText;
import dev.sessiondb.ui.common.ChangedSessionsView;
import dev.sessiondb.ui.common.Controls;
import dev.sessiondb.ui.common.KnownStores;
import dev.sessiondb.ui.common.StorePicker;
import dev.sessiondb.ui.wizard.JobSummaryView;
import dev.sessiondb.ui.wizard.WhereUndoIs;
import dev.sessiondb.ui.wizard.WizardPages;
import dev.sessiondb.ui.wizard.WizardPane;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;

/** The validation wizard's four pages over {@link ValidateWizardViewModel}. */
public final class ValidateWizardView extends WizardPane {

    /** Room for four rows of checks and findings as they wrap beside the session detail on a 1024 px wide screen (three to five lines). */
    private static final double FINDINGS_MIN_HEIGHT = 380;

    public ValidateWizardView(ValidateWizardViewModel viewModel, KnownStores known) {
        super("validate", "Validate and repair", viewModel.steps(), List.of(store(viewModel, known), findings(viewModel),
                preview(viewModel), apply(viewModel)));
    }

    private static Node store(ValidateWizardViewModel viewModel, KnownStores known) {
        TextField workspaces = Controls.describe(new TextField(), "A folder of Minsky workspaces whose sessions should all be registered (optional)");
        workspaces.setId("validate-workspaces");
        workspaces.setPromptText("optional: the folder holding session workspaces");
        workspaces.textProperty().bindBidirectional(viewModel.workspacesProperty());
        FlowPane checks = new FlowPane(12, 8);
        checks.setId("validate-checks");
        showChecks(checks, viewModel);
        viewModel.checks().addListener((ListChangeListener<ValidateWizardViewModel.CheckChoice>) change -> showChecks(checks, viewModel));
        GridPane form = WizardPages.form();
        form.addRow(0, new Label("Store"), new StorePicker("validate-store", "The store to validate (the open one by default)",
                viewModel.store().textProperty(), known, viewModel.store()::browse));
        form.addRow(1, new Label("Workspaces"), new VBox(4, workspaces,
                fieldMessage("validate-workspaces-problem", "text-danger", viewModel.workspacesProblem()),
                fieldMessage("validate-workspaces-note", "text-muted", viewModel.workspacesNote())));
        form.addRow(2, new Label("Checks"), checks);
        form.addRow(3, new Label(""), WizardPages.writesTo("validate-writes-to", viewModel.store().shown(),
                "only if you apply fixes on the last page; backed up first"));
        return WizardPages.page("Store and checks", "Validation only reads. Fixes are chosen on the next pages and previewed before anything is written.", form);
    }

    /** A box per check offered, anew when the offer changes (another store, or the open store's kind of sessions now known). */
    private static void showChecks(FlowPane checks, ValidateWizardViewModel viewModel) {
        checks.getChildren().setAll(viewModel.checks().stream().map(choice -> {
            CheckBox box = Controls.describe(Controls.asWritten(new CheckBox(choice.label())), choice.help());
            box.setId("check-" + choice.name());
            box.selectedProperty().bindBidirectional(choice.run());
            return box;
        }).toList());
    }

    private static Node findings(ValidateWizardViewModel viewModel) {
        FlowPane fixes = new FlowPane(12, 8);
        fixes.setId("validate-fixes");
        TreeView<String> tree = new TreeView<>(new TreeItem<>("Findings"));
        tree.setId("validate-findings");
        tree.setShowRoot(false);
        // a small screen scrolls the page (the wizard's scroll pane) rather than squeeze the list to a row under the text and fixes
        tree.setMinHeight(FINDINGS_MIN_HEIGHT);
        tree.setCellFactory(view -> new WrappedCell());
        tree.setAccessibleText("Findings grouped by check; double-click or Enter on a finding shows its session");
        tree.setOnMouseClicked(event -> {
            if (event.getClickCount() == 2) {
                showSession(viewModel, tree.getSelectionModel().getSelectedItem());
            }
        });
        tree.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                showSession(viewModel, tree.getSelectionModel().getSelectedItem());
            }
        });
        tree.getSelectionModel().selectedItemProperty().addListener((property, before, after) -> viewModel.followFinding(keyOf(after)));
        viewModel.findings().addListener((ListChangeListener<FindingGroup>) change -> {
            tree.getRoot().getChildren().setAll(viewModel.findings().stream().map(ValidateWizardView::groupItem).toList());
            selectFirstFinding(tree);
            boolean fixFocused = fixes.getChildren().stream().anyMatch(Node::isFocused);
            fixes.getChildren().setAll(viewModel.findings().stream().filter(FindingGroup::isRepairable).map(group -> {
                CheckBox box = Controls.describe(new CheckBox(group.fixText()), group.fixHelp());
                box.setId("fix-" + group.check());
                box.selectedProperty().bindBidirectional(group.fixProperty());
                box.disableProperty().bind(viewModel.fixesStoppedProperty());
                return box;
            }).toList());
            if (fixFocused) {
                // the focused box went with the findings it fixed (validated again after an undo): the list keeps the keyboard, not nothing
                tree.requestFocus();
            }
        });
        Label fixTitle = Controls.styled(new Label("Fixes to make"), "text-bold");
        fixTitle.setId("validate-fixes-title");
        // a heading over no fixes read as a list that failed to load
        fixTitle.visibleProperty().bind(Bindings.isNotEmpty(fixes.getChildren()));
        fixTitle.managedProperty().bind(fixTitle.visibleProperty());
        Label clean = Controls.emptyState("No findings: the store is clean. The checks chosen found nothing to fix.");
        clean.setId("validate-clean");
        clean.visibleProperty().bind(viewModel.cleanProperty());
        StackPane findings = new StackPane(tree, clean);
        Label anotherStore = new Label();
        anotherStore.setId("validate-another-store");
        anotherStore.setWrapText(true);
        anotherStore.textProperty().bind(viewModel.anotherStoreValidatedProperty());
        // no findings, no session to see beside them: the line asked to open the store for nothing
        anotherStore.visibleProperty().bind(viewModel.anotherStoreValidatedProperty().isNotEmpty().and(viewModel.cleanProperty().not()));
        anotherStore.managedProperty().bind(anotherStore.visibleProperty());
        // the fixes follow the findings they fix, so Tab goes from the findings to the fixes, then to Back and Next: above the
        // findings, Tab from the list (where the page puts the focus) went on to Next and never reached them
        VBox page = WizardPages.page("Findings", "Grouped by check, worst first; double-click a finding or press Enter to show its session. Tick the checks whose automatic"
                + " fixes you want; the rest need a person.",
                WizardPages.statusLine("validate-status", viewModel.statusProperty(), viewModel.steps().busyProperty()),
                anotherStore, findings, fixTitle, fixes);
        VBox.setVgrow(fixes, null);
        VBox.setVgrow(findings, Priority.ALWAYS);
        return page;
    }

    /**
     * A row whose text wraps at the tree's width: a finding and its fix are often longer than the page is wide, and a row
     * cut them at the edge (no width of its own, so the tree gives it its own width, not the text's).
     */
    private static final class WrappedCell extends TreeCell<String> {

        /** The room the row's indent and arrow took before its text at its last layout. */
        private double besideText;

        WrappedCell() {
            setWrapText(true);
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            // a path, repository or task id breaks where a reader expects; the screen reader gets the finding as it is
            setText(empty ? null : BreakableText.shown(item));
            setAccessibleText(empty ? null : item);
            setGraphic(empty || getTreeItem() == null ? null : getTreeItem().getGraphic());
        }

        /**
         * The height of the text wrapped at the width it is laid out in: JavaFX's tree cell wraps it for its whole width,
         * though it lays it out after the row's indent and arrow, so a finding of three lines or more was given a line too
         * few and ended in "…".
         */
        @Override
        protected double computePrefHeight(double width) {
            return super.computePrefHeight(width < 0 ? width : Math.max(0, width - besideText));
        }

        /** The indent and arrow's room as laid out; a row laid out anew with more or less of it is measured again. */
        @Override
        protected void layoutChildren() {
            super.layoutChildren();
            double laidOut = contentStart() - snappedLeftInset();
            if (Math.abs(laidOut - besideText) >= 1) {
                besideText = laidOut;
                // a layout asked for during this one would be lost as it ends
                Platform.runLater(this::requestLayout);
            }
        }

        /** Where the row's marker, or else its text, begins. */
        private double contentStart() {
            Node first = getGraphic() != null ? getGraphic()
                    : getChildrenUnmodifiable().stream().filter(Text.class::isInstance).findFirst().orElse(null);
            return first == null ? snappedLeftInset() + besideText : first.getLayoutX();
        }
    }

    private static void showSession(ValidateWizardViewModel viewModel, TreeItem<String> item) {
        String key = keyOf(item);
        if (key != null) {
            viewModel.showSession(key);
        }
    }

    /** The session of a finding's row; null for a check's row or a finding of no session. */
    private static String keyOf(TreeItem<String> item) {
        return item != null && item.getGraphic() != null && item.getGraphic().getUserData() instanceof String key ? key : null;
    }

    /** New findings come with the first one shown selected (its group opened if none is), so its detail is there at once. */
    private static void selectFirstFinding(TreeView<String> tree) {
        List<TreeItem<String>> groups = tree.getRoot().getChildren();
        groups.stream().filter(TreeItem::isExpanded).findFirst().or(() -> groups.stream().findFirst()).ifPresent(group -> {
            group.setExpanded(true);
            group.getChildren().stream().findFirst().ifPresent(first -> {
                tree.getSelectionModel().select(first);
            });
        });
    }

    private static TreeItem<String> groupItem(FindingGroup group) {
        TreeItem<String> item = new TreeItem<>(group.title());
        group.lines().forEach(line -> {
            TreeItem<String> finding = new TreeItem<>(line.session() + ": " + line.message()
                    + (line.fix() == null || line.fix().isBlank() ? "" : "  → " + line.fix()));
            if (line.key() != null) { // the session's key rides on a small marker, for double-click
                Node marker = new Label("›");
                marker.setUserData(line.key());
                finding.setGraphic(marker);
            }
            item.getChildren().add(finding);
        });
        item.setExpanded(group.lines().size() <= 20);
        return item;
    }

    private static Node preview(ValidateWizardViewModel viewModel) {
        TableView<ChangeLine> table = Controls.fittedTable("validate-changes", viewModel.changes(), "Every field the repair changes, before and after",
                "No changes to write: the line above says why.");
        table.getColumns().add(WizardPages.column("Session", ChangeLine::session));
        table.getColumns().add(WizardPages.column("Field", ChangeLine::field));
        table.getColumns().add(WizardPages.column("Before", ChangeLine::before));
        table.getColumns().add(WizardPages.column("After", ChangeLine::after));
        return WizardPages.page("Preview changes", "Record by record, what the fixes would write. Nothing is written until you apply.",
                WizardPages.statusLine("validate-preview-status", viewModel.statusProperty(), viewModel.steps().busyProperty()), table);
    }

    private static Node apply(ValidateWizardViewModel viewModel) {
        Button again = Controls.button("Validate again", "Run the checks again and show what is left", viewModel::revalidate);
        again.setId("validate-again");
        again.disableProperty().bind(viewModel.steps().busyProperty());
        HBox actions = WizardPages.runButtons("validate", "Apply fixes", "Back the store up, then write the changes", viewModel::apply,
                viewModel.jobRun()::cancel, viewModel.changesetReadyProperty(), viewModel.steps().busyProperty(), viewModel.jobRun().runWaitsProperty(), again);
        return WizardPages.page("Apply", "The store is backed up first; " + WhereUndoIs.toPutBack("it") + ".",
                WizardPages.writesTo("validate-run-writes-to", viewModel.store().shown(), "backed up first"),
                actions, WizardPages.progressLine("validate-progress", viewModel.jobRun().progress(), viewModel.steps().busyProperty()),
                WizardPages.runStatusText("validate-apply-status", viewModel.statusProperty(), ValidateWizardViewModel.READY, viewModel.jobRun().runWaitsProperty()),
                new JobSummaryView("validate-result", viewModel.resultProperty(), new ChangedSessionsView("validate", viewModel.changedSessions())));
    }

    /** A line under a field saying what is wrong with it or what it holds, taking no room while empty. */
    private static Label fieldMessage(String id, String style, StringBinding text) {
        Label message = Controls.styled(new Label(), style);
        message.setId(id);
        message.setWrapText(true);
        message.textProperty().bind(text);
        message.accessibleTextProperty().bind(text);
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        return message;
    }
}
