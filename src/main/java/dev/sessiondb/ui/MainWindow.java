package dev.sessiondb.ui;

import dev.sessiondb.store.RepeatedSessionsException;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.ui.about.AboutDialog;
import dev.sessiondb.ui.about.AboutViewModel;
import dev.sessiondb.ui.about.AppIcons;
import dev.sessiondb.ui.common.Controls;
import dev.sessiondb.ui.common.CurrentStore;
import dev.sessiondb.ui.common.DialogService;
import dev.sessiondb.ui.common.KnownStores;
import dev.sessiondb.ui.common.LocatorInput;
import dev.sessiondb.ui.common.SavedStoreList;
import dev.sessiondb.ui.common.Theme;
import dev.sessiondb.ui.common.UiTaskExecutor;
import dev.sessiondb.ui.common.UndoStack;
import dev.sessiondb.ui.detail.DetailView;
import dev.sessiondb.ui.detail.DetailViewModel;
import dev.sessiondb.ui.diff.DiffView;
import dev.sessiondb.ui.diff.DiffViewModel;
import dev.sessiondb.ui.history.HistoryView;
import dev.sessiondb.ui.history.HistoryViewModel;
import dev.sessiondb.ui.jobs.JobsView;
import dev.sessiondb.ui.overview.OverviewView;
import dev.sessiondb.ui.overview.OverviewViewModel;
import dev.sessiondb.ui.sessions.ColumnChoices;
import dev.sessiondb.ui.sessions.ExternalChangesBar;
import dev.sessiondb.ui.sessions.ExternalChangesViewModel;
import dev.sessiondb.ui.sessions.SessionsView;
import dev.sessiondb.ui.sessions.SessionsViewModel;
import dev.sessiondb.ui.stores.FirstRun;
import dev.sessiondb.ui.stores.StoresView;
import dev.sessiondb.ui.stores.StoresViewModel;
import dev.sessiondb.ui.wizard.OpenStoreDefault;
import dev.sessiondb.ui.wizard.WizardPane;
import dev.sessiondb.ui.wizard.consolidate.ConsolidateWizardView;
import dev.sessiondb.ui.wizard.consolidate.ConsolidateWizardViewModel;
import dev.sessiondb.ui.wizard.migrate.MigrateWizardView;
import dev.sessiondb.ui.wizard.migrate.MigrateWizardViewModel;
import dev.sessiondb.ui.wizard.repeats.RepeatedSessionsView;
import dev.sessiondb.ui.wizard.repeats.RepeatedSessionsViewModel;
import dev.sessiondb.ui.wizard.validate.ValidateWizardView;
import dev.sessiondb.ui.wizard.validate.ValidateWizardViewModel;
import java.time.ZoneId;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringExpression;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Button;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The window, assembled in one place: the services make the ViewModels, the ViewModels their
 * views, the views go into the {@link WindowShell}, and the toolbar, the Jobs menu and the
 * keyboard shortcuts reach them. {@link DesktopApp} only starts and stops the app around it.
 */
public final class MainWindow {

    private final CurrentStore current = new CurrentStore();
    private final MainViewModel viewModel;
    private final StoresViewModel stores;
    private final ExternalChangesViewModel externalChanges;
    private final WindowShell shell;
    private final SessionsView sessionsView;
    /** Where the window opens: its size asked for, fitted into the screen. */
    private final Rectangle2D placed;

    public MainWindow(AppServices services) {
        this(services, null);
    }

    /** @param firstRun the default store and demo for a user who has opened nothing yet; null in tests that script the start */
    public MainWindow(AppServices services, FirstRun firstRun) {
        this(services, firstRun, Screen.getPrimary().getVisualBounds());
    }

    /** As {@link #MainWindow(AppServices, FirstRun)}, the window fitted into {@code usable}: the part of the screen panels and docks leave free. */
    MainWindow(AppServices services, FirstRun firstRun, Rectangle2D usable) {
        DialogService dialogs = services.dialogs();
        UiTaskExecutor executor = services.executor();
        executor.filterFailures(services.credentials()::forgetRefused);
        services.credentials().supplyToStores();

        // The services make the ViewModels.
        SavedStoreList savedStores = new SavedStoreList(services.journal().root(), services.settings());
        UndoStack undo = new UndoStack(executor, dialogs);
        undo.showsStoreOf(current);
        undo.opensStoresWith(services.credentials());
        viewModel = new MainViewModel(services.settings(), current, undo);
        stores = new StoresViewModel(services.settings(), savedStores, services.discovery(), services.credentials(), services.opener(),
                current, dialogs, executor, firstRun);
        SessionsViewModel sessions = new SessionsViewModel(current, executor, dialogs,
                new ColumnChoices(services.settings().file().resolveSibling("columns.json")), services.journal());
        externalChanges = new ExternalChangesViewModel(current, executor);
        externalChanges.whenCounted(stores::counted);
        sessions.whenStoreCounted(stores::counted);
        OverviewViewModel overview = new OverviewViewModel(current, executor, dialogs);
        HistoryViewModel history = new HistoryViewModel(current, services.journal(), undo, executor, dialogs, ZoneId.systemDefault());
        DetailViewModel detail = new DetailViewModel(current, executor, dialogs, undo, services.journal());
        LocatorInput locators = new LocatorInput(services.credentials(), dialogs, executor);
        DiffViewModel diff = new DiffViewModel(executor, dialogs, locators, services.opener());
        MigrateWizardViewModel migrate = new MigrateWizardViewModel(executor, dialogs, locators, undo, services.journal(), Platform::runLater);
        ConsolidateWizardViewModel consolidate = new ConsolidateWizardViewModel(executor, dialogs, locators, services.opener(), undo,
                services.journal(), Platform::runLater);
        ValidateWizardViewModel validate = new ValidateWizardViewModel(executor, dialogs, locators, services.opener(), current, undo,
                services.journal(), Platform::runLater);
        // A job screen starts from the open store until the user has begun with another.
        OpenStoreDefault.follow(current, diff.storeA().textProperty()::set, diff.rows()::isEmpty);
        OpenStoreDefault.follow(current, migrate.source().textProperty()::set, () -> migrate.steps().current() == 0);
        OpenStoreDefault.follow(current, consolidate::startFrom, () -> consolidate.steps().current() == 0);

        // The ViewModels make the views, which go into the frame.
        KnownStores known = new KnownStores(services.settings(), savedStores, current);
        sessionsView = new SessionsView(sessions);
        VBox.setVgrow(sessionsView, Priority.ALWAYS);
        // laid out first at the size asked for, the sidebar and the detail pane would keep that width on a smaller screen
        placed = WindowPlacement.fit(viewModel.windowWidth(), viewModel.windowHeight(), usable);
        shell = new WindowShell(placed.getWidth(), placed.getHeight(), new StoresView(stores, dialogs),
                new DetailView(detail, sessionsView::focusTable), new JobsView(executor.jobs()), executor.jobs(), services.status(), dialogs::notify);
        shell.addView("sessions", "Sessions", new VBox(new ExternalChangesBar(externalChanges, sessionsView::focusTable), sessionsView), shortcut(KeyCode.DIGIT1));
        overview.showingProperty().bind(shell.addView("overview", "Overview", new OverviewView(overview), shortcut(KeyCode.DIGIT2)));
        // a job into a store that is not open changes no revision the history hears of: it reads again when shown
        HistoryView historyView = new HistoryView(history);
        shell.focusOnArrival("sessions", sessionsView::focusTable);
        shell.focusOnArrival("history", historyView::focusTable);
        shell.addWideView("history", "History", historyView, shortcut(KeyCode.H)).addListener((property, was, shown) -> {
            if (shown) {
                history.refresh();
            }
        });
        // History is wide, without the detail pane: a repair's session shown from it shows beside the sessions
        history.changedSessions().shownProperty().addListener((property, before, key) -> {
            if (!key.isEmpty()) {
                shell.showView("sessions");
            }
        });
        shell.addWideView("diff", "Diff", new DiffView(diff, known), shortcut(KeyCode.D));
        WizardPane migrateView = new MigrateWizardView(migrate, known);
        WizardPane consolidateView = new ConsolidateWizardView(consolidate, known);
        WizardPane validateView = new ValidateWizardView(validate, known);
        // Ctrl+Shift and the job's initial: Ctrl+C and Ctrl+V stay copy and paste
        prepareAheadWhenShown(shell.addWideView("migrate", "Migrate", migrateView, shiftShortcut(KeyCode.M)), migrateView);
        prepareAheadWhenShown(shell.addWideView("consolidate", "Consolidate", consolidateView, shiftShortcut(KeyCode.C)), consolidateView);
        // the detail pane shows the open store's sessions: beside another store's findings it would mislead, so it folds away
        // as that store's validation starts
        prepareAheadWhenShown(shell.addViewFoldingDetailWhile("validate", "Validate", validateView, shiftShortcut(KeyCode.V),
                validate.forAnotherStoreProperty()), validateView);
        // the repaired file opens on its sessions; one whose repeats are back (an undo) returns to the repeats page as it fails to open
        RepeatedSessionsViewModel repeats = new RepeatedSessionsViewModel(executor, dialogs, undo, services.journal(), locator -> {
            stores.open(locator.display());
            shell.showView("sessions");
        }, Platform::runLater);
        shell.addWideViewShownWhenAsked("repeats", "Repeated sessions", new RepeatedSessionsView(repeats));
        // a JSON file that does not open because sessions repeat in it goes to its repair, whether opened, read or validated
        BiConsumer<StoreLocator, RepeatedSessionsException> repairRepeats = (locator, repeated) -> {
            repeats.show(locator, repeated);
            shell.showView("repeats");
        };
        stores.repeatsRepair().offerWith(repairRepeats);
        sessions.repeatsRepair().offerWith(repairRepeats);
        validate.repeatsRepair().offerWith(repairRepeats);

        // Navigation: the toolbar, the Jobs menu and the shortcuts.
        MenuButton jobsMenu = new MenuButton("Jobs");
        jobsMenu.setId("jobs-menu");
        jobsMenu.setAccessibleText("Diff, migrate, consolidate or validate stores");
        jobsMenu.getItems().addAll(showsView("diff", "Diff two stores"),
                showsView("migrate", "Migrate a store into another format or layout…"),
                showsView("consolidate", "Consolidate several stores into one…"),
                showsView("validate", "Validate and repair a store…"));
        shell.onShortcut(shortcut(KeyCode.O), "Open a store file", stores::addFile);
        shell.onShortcut(shortcut(KeyCode.F), "Search the sessions", () -> {
            shell.showView("sessions");
            sessionsView.focusSearch();
        });
        shell.onShortcut(new KeyCodeCombination(KeyCode.F5), "Refresh", sessions::refresh);
        shell.onShortcut(shortcut(KeyCode.Z), "Undo", viewModel::undo);
        shell.setTools(jobsMenu, Controls.spacer(), refreshButton(sessions::refresh), undoButton(), themeToggle(), helpMenu(dialogs, shell.shortcutsMenu()));
        shell.applyTheme(viewModel.themeProperty().get());
        viewModel.themeProperty().addListener((property, before, after) -> shell.applyTheme(after));
    }

    /** Shows the window where it fits on screen, opens the last store, and keeps an eye on it for changes made elsewhere. */
    public void show(Stage stage) {
        stage.setX(placed.getMinX());
        stage.setY(placed.getMinY());
        stage.setWidth(placed.getWidth());
        stage.setHeight(placed.getHeight());
        stage.setTitle("SessionDB Admin");
        stage.getIcons().setAll(AppIcons.forStage());
        stage.setScene(shell.scene());
        stage.focusedProperty().addListener((property, before, focused) -> {
            if (focused) {
                externalChanges.check();
            }
        });
        externalChanges.startPolling();
        stage.setOnHidden(event -> {
            externalChanges.stopPolling();
            viewModel.rememberWindowSize(stage.getWidth(), stage.getHeight());
            current.close();
        });
        stage.show();
        stores.discover();
        stores.reopenLast();
        shell.prepareAhead(List.of(sessionsView.tableAhead()));
        shell.prepareJobsPanel();
    }

    /** A wizard's later pages are built while the user fills its first: the page after it then shows at once. */
    private void prepareAheadWhenShown(ReadOnlyBooleanProperty inFront, WizardPane wizard) {
        inFront.addListener((property, was, shown) -> {
            if (shown) {
                shell.prepareAhead(wizard.pagesNotShown());
            }
        });
    }

    private static KeyCombination shortcut(KeyCode key) {
        return new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN);
    }

    private static KeyCombination shiftShortcut(KeyCode key) {
        return new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    }

    private MenuItem showsView(String id, String action) {
        MenuItem item = new MenuItem(action);
        item.setId("jobs-menu-" + id);
        shell.shortcutOf(id).ifPresent(item::setAccelerator);
        item.setOnAction(event -> shell.goToView(id));
        return item;
    }

    private Button refreshButton(Runnable readAgain) {
        Button refresh = Controls.button("Refresh", "Read the open store again (F5)", readAgain);
        refresh.setId("refresh");
        return refresh;
    }

    private Button undoButton() {
        Button undo = Controls.button("Undo", "Undo the last change (Ctrl+Z)", viewModel::undo);
        undo.setId("undo");
        undo.disableProperty().bind(viewModel.undoDescriptionProperty().isEmpty().or(viewModel.undoRunningProperty()));
        undo.textProperty().bind(viewModel.undoLabel());
        StringExpression help = viewModel.undoHelp();
        undo.getTooltip().textProperty().bind(help);
        undo.accessibleTextProperty().bind(help);
        return undo;
    }

    private ToggleButton themeToggle() {
        ToggleButton dark = Controls.describe(new ToggleButton(), "Switch between the light and dark theme");
        dark.setId("theme-toggle");
        dark.textProperty().bind(Bindings.when(viewModel.themeProperty().isEqualTo(Theme.DARK)).then("Light theme").otherwise("Dark theme"));
        dark.setSelected(viewModel.themeProperty().get() == Theme.DARK);
        dark.setOnAction(event -> viewModel.toggleTheme());
        return dark;
    }

    private static MenuButton helpMenu(DialogService dialogs, Menu shortcuts) {
        MenuItem about = new MenuItem("About SessionDB Admin");
        about.setId("about");
        about.setOnAction(event -> dialogs.showCustomDialog(new AboutDialog(AboutViewModel.ofRunningApp())));
        MenuButton help = Controls.describe(new MenuButton("Help", null, shortcuts, about), "Keyboard shortcuts; version, Java, JavaFX and where the log is");
        help.setId("help-menu");
        return help;
    }
}
