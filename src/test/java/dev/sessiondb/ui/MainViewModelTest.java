package dev.sessiondb.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.job.JobReport;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.job.migrate.MigrateJob;
import dev.sessiondb.job.migrate.MigrateOptions;
import dev.sessiondb.job.transfer.TargetMode;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.ui.common.SettingsStore;
import dev.sessiondb.ui.common.Theme;
import dev.sessiondb.ui.common.UndoableCommand;
import dev.sessiondb.ui.wizard.JobUndoCommand;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class MainViewModelTest extends ViewModelFixture {

    @Test
    void theThemeToggleIsRememberedForTheNextStart() {
        SettingsStore settings = new SettingsStore(directory.resolve("settings.json"));
        MainViewModel viewModel = new MainViewModel(settings, current, undo);

        viewModel.toggleTheme();

        assertThat(viewModel.themeProperty().get()).isEqualTo(Theme.DARK);
        assertThat(new MainViewModel(new SettingsStore(settings.file()), current, undo).themeProperty().get()).isEqualTo(Theme.DARK);
    }

    /** An audit's consolidation of three stores named on the Undo button pushed Help and the theme toggle into the toolbar's overflow. */
    @Test
    void theUndoButtonNamesALongStepShortKeepingItsTargetAndTime() {
        String step = "consolidation session-db.json + session-backup-2025-06-23T16-46-12-144Z.json + sb.json → t1 (03:20:32)";

        assertThat(MainViewModel.shortened(step)).isEqualTo("consolidation session-db.json +… → t1 (03:20:32)")
                .hasSizeLessThanOrEqualTo(MainViewModel.UNDO_LABEL_LIMIT);
        assertThat(MainViewModel.shortened("migration big.json → t1 (03:02:06)")).as("a short one whole").isEqualTo("migration big.json → t1 (03:02:06)");
        assertThat(MainViewModel.shortened("edit of " + "x".repeat(60) + " (03:02:06)")).isEqualTo("edit of " + "x".repeat(28) + "… (03:02:06)");
    }

    @Test
    void anUndoneCommandRefreshesTheViews() {
        MainViewModel viewModel = new MainViewModel(new SettingsStore(directory.resolve("settings.json")), current, undo);
        int[] undone = {0};
        undo.run(counting(undone));
        long revision = current.revisionProperty().get();

        assertThat(viewModel.undoDescriptionProperty().get()).isEqualTo("a change");
        viewModel.undo();
        assertThat(undone[0]).isEqualTo(1);
        assertThat(current.revisionProperty().get()).isGreaterThan(revision);
        assertThat(viewModel.undoDescriptionProperty().get()).isEmpty();
        viewModel.undo();
        assertThat(dialogs.notifications()).contains("Nothing to undo");
    }

    @Test
    void openingAnotherStoreForgetsTheEditsOfTheStoreThatWasOpen() {
        MainViewModel viewModel = new MainViewModel(new SettingsStore(directory.resolve("settings.json")), current, undo);
        int[] undone = {0};
        undo.run(counting(undone, true));

        current.show(TestStores.openFixtureCopy(directory));
        viewModel.undo();

        assertThat(undone[0]).isZero();
        current.close();
    }

    @Test
    void aJobRunInTheWindowStaysUndoableWhenAnotherStoreOpens() {
        MainViewModel viewModel = new MainViewModel(new SettingsStore(directory.resolve("settings.json")), current, undo);
        int[] undone = {0};
        undo.record(counting(undone, false), done -> { });

        current.show(TestStores.openFixtureCopy(directory));
        assertThat(viewModel.undoDescriptionProperty().get()).isEqualTo("a change");
        viewModel.undo();

        assertThat(undone[0]).isOne();
        current.close();
    }

    /**
     * An audit: undoing the job that made the open store removed it, and the window then tried to read it ("Cannot read …:
     * check that it exists") and did not say how to take the undo back.
     */
    @Test
    void anUndoThatRemovesTheOpenStoreClosesItAndSaysHowToTakeItBack() {
        new MainViewModel(new SettingsStore(directory.resolve("settings.json")), current, undo);
        BackupJournal journal = journal();
        Path made = directory.resolve("x.json");
        JobReport report = new MigrateJob(StoreLocator.parse("json:" + TestStores.fixtureCopy(directory)), StoreLocator.parse("json:" + made),
                new MigrateOptions(Optional.empty(), Optional.of(TargetMode.NEW), false, true), journal).run(ProgressMonitor.NONE);
        current.show(StoreFactory.open(StoreLocator.parse("json:" + made), OpenMode.EXISTING));
        undo.record(JobUndoCommand.ofReport(report, journal, ZoneOffset.UTC), done -> { });

        undo.undo();

        assertThat(made).doesNotExist();
        assertThat(current.isOpen()).isFalse();
        assertThat(dialogs.errors()).isEmpty();
        String replaced = journal.latestNotRestored().orElseThrow().id();
        assertThat(dialogs.notifications()).last().asString().contains("Removed json:" + made + ": it did not exist before the job that took backup "
                + report.backupId().orElseThrow() + " created it. The state it replaced is backup " + replaced + " (the History's Undo of this undo,"
                + " or sessiondb undo " + replaced + ", puts it back).");
    }

    /** An audit saw the Undo button name the job before while the confirmation was still open (Cancel put it back). */
    @Test
    void theUndoButtonNamesTheCommandUntilItsUndoIsDone() {
        MainViewModel viewModel = new MainViewModel(new SettingsStore(directory.resolve("settings.json")), current, undo);
        List<String> shown = new ArrayList<>();
        undo.record(asking("undo the earlier job?", "the earlier job", shown), done -> { });
        undo.record(asking("undo the last job?", "the last job", shown), done -> { });

        dialogs.answer((BooleanSupplier) () -> {
            shown.add("asked: " + viewModel.undoDescriptionProperty().get());
            return false;
        });
        viewModel.undo();
        assertThat(viewModel.undoDescriptionProperty().get()).as("after Cancel").isEqualTo("the last job");

        dialogs.answer((BooleanSupplier) () -> {
            shown.add("asked: " + viewModel.undoDescriptionProperty().get());
            return true;
        });
        viewModel.undo();
        assertThat(shown).containsExactly("asked: the last job", "asked: the last job", "undoing: the last job");
        assertThat(viewModel.undoDescriptionProperty().get()).as("once undone").isEqualTo("the earlier job");
    }

    /** A job that asks before its undo, which notes what the Undo button says while it runs. */
    private UndoableCommand asking(String question, String description, List<String> shown) {
        return new UndoableCommand() {
            @Override
            public String description() {
                return description;
            }

            @Override
            public Optional<String> confirmation() {
                return Optional.of(question);
            }

            @Override
            public void execute() {
            }

            @Override
            public void undo() {
                shown.add("undoing: " + MainViewModelTest.this.undo.undoDescriptionProperty().get());
            }
        };
    }

    private static UndoableCommand counting(int[] undone) {
        return counting(undone, true);
    }

    private static UndoableCommand counting(int[] undone, boolean scopedToOpenStore) {
        return new UndoableCommand() {
            @Override
            public String description() {
                return "a change";
            }

            @Override
            public boolean scopedToOpenStore() {
                return scopedToOpenStore;
            }

            @Override
            public void execute() {
            }

            @Override
            public void undo() {
                undone[0]++;
            }
        };
    }

    @Test
    void theWindowSizeIsRemembered() {
        SettingsStore settings = new SettingsStore(directory.resolve("settings.json"));
        new MainViewModel(settings, current, undo).rememberWindowSize(1000, 700);

        MainViewModel next = new MainViewModel(new SettingsStore(settings.file()), current, undo);
        assertThat(next.windowWidth()).isEqualTo(1000);
        assertThat(next.windowHeight()).isEqualTo(700);
    }
}
