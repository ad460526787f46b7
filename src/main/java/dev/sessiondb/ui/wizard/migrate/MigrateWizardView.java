package dev.sessiondb.ui.wizard.migrate;

import dev.sessiondb.store.StoreLayout;
import dev.sessiondb.ui.common.Controls;
import dev.sessiondb.ui.common.KnownStores;
import dev.sessiondb.ui.common.StorePicker;
import dev.sessiondb.ui.wizard.JobStatementView;
import dev.sessiondb.ui.wizard.JobSummaryView;
import dev.sessiondb.ui.wizard.TargetModeChoice;
import dev.sessiondb.ui.wizard.TargetModeWords;
import dev.sessiondb.ui.wizard.WizardPages;
import dev.sessiondb.ui.wizard.WizardPane;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The migration wizard's four pages over {@link MigrateWizardViewModel}. */
public final class MigrateWizardView extends WizardPane {

    public MigrateWizardView(MigrateWizardViewModel viewModel, KnownStores known) {
        super("migrate", "Migrate a store", viewModel.steps(), List.of(stores(viewModel, known), options(viewModel),
                plan(viewModel), run(viewModel)));
    }

    private static Node stores(MigrateWizardViewModel viewModel, KnownStores known) {
        ChoiceBox<StoreLayout> layout = Controls.describe(new ChoiceBox<>(), "Layout of a new target store");
        layout.setId("migrate-layout");
        layout.getItems().addAll(null, StoreLayout.NATIVE, StoreLayout.MINSKY);
        layout.setConverter(new StringConverter<>() {
            @Override
            public String toString(StoreLayout value) {
                return value == null ? "Default (native for SQL, Minsky's for JSON)"
                        : value == StoreLayout.NATIVE ? "native: keeps every field" : "minsky: Minsky can read it";
            }

            @Override
            public StoreLayout fromString(String text) {
                return null;
            }
        });
        layout.valueProperty().bindBidirectional(viewModel.layoutProperty());
        GridPane form = WizardPages.form();
        form.addRow(0, new Label("Source"), new StorePicker("migrate-source", "The store to copy from (it is only read)",
                viewModel.source().textProperty(), known, viewModel.source()::browse));
        form.addRow(1, new Label("Target"), new StorePicker("migrate-target", "The store to copy into (.db for SQLite)",
                viewModel.target().textProperty(), known, viewModel.target()::browse));
        form.addRow(2, new Label(""), WizardPages.targetLook("migrate-target-look", viewModel.target()));
        form.addRow(3, new Label("Layout"), layout);
        form.addRow(4, new Label(""), WizardPages.writesTo("migrate-writes-to", viewModel.target().shown(),
                "the source is only read; an existing target is backed up first"));
        return WizardPages.page("Source and target", "The source is never changed. A new target appears only when it is complete.", form);
    }

    private static Node options(MigrateWizardViewModel viewModel) {
        CheckBox allowLoss = Controls.describe(new CheckBox("Allow loss: drop fields the target layout cannot hold, cut dates to the millisecond"),
                "Run even when the target layout cannot keep some fields, or keeps dates only to the millisecond; the plan and the report list each");
        allowLoss.setId("migrate-allow-loss");
        allowLoss.selectedProperty().bindBidirectional(viewModel.allowLossProperty());
        CheckBox verify = Controls.describe(new CheckBox("Verify: compare counts and a hash of every record afterwards"),
                "Check every record arrived unchanged after writing");
        verify.setId("migrate-verify");
        verify.selectedProperty().bindBidirectional(viewModel.verifyProperty());
        return WizardPages.page("Options", "What to do with a target that already holds sessions, and how careful to be.",
                Controls.styled(new Label("Existing target"), "text-bold"), WizardPages.targetLook("migrate-options-target-look", viewModel.target()),
                new TargetModeChoice("migrate-mode", viewModel.target(), TargetModeWords.MIGRATE), allowLoss, verify, new VBox());
    }

    private static Node plan(MigrateWizardViewModel viewModel) {
        return WizardPages.page("Plan", "A dry run: what would be written, what the target cannot hold, which dates stay text. Nothing is written.",
                new JobStatementView("migrate-plan-job", viewModel.statementProperty()),
                WizardPages.statusLine("migrate-plan-status", viewModel.statusProperty(), viewModel.steps().busyProperty()),
                new JobSummaryView("migrate-plan", viewModel.planProperty()));
    }

    private static Node run(MigrateWizardViewModel viewModel) {
        HBox actions = WizardPages.runButtons("migrate", "Run migration", "Copy every session into the target, then verify", viewModel::run,
                viewModel.jobRun()::cancel, viewModel.jobRun().runnableProperty(), viewModel.steps().busyProperty(), viewModel.jobRun().runWaitsProperty(),
                WizardPages.planAgainButton("migrate", viewModel::planAgain, viewModel.jobRun().planOutdatedProperty()));
        return WizardPages.page("Run and verify", // where Undo is, the statement above says with the backup it puts back: a new target has none, and its report says how to remove it
                "Runs in the background: the jobs panel shows progress, rate and time left.",
                new JobStatementView("migrate-run-job", viewModel.statementProperty()),
                actions, WizardPages.progressLine("migrate-progress", viewModel.jobRun().progress(), viewModel.steps().busyProperty()),
                WizardPages.runStatusText("migrate-run-status", viewModel.statusProperty(), MigrateWizardViewModel.READY, viewModel.jobRun().runWaitsProperty()),
                new JobSummaryView("migrate-report", viewModel.reportProperty()));
    }
}
