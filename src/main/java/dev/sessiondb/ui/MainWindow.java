package dev.sessiondb.ui;

import dev.sessiondb.ui.about.AboutDialog;
import dev.sessiondb.ui.about.AboutViewModel;
import dev.sessiondb.ui.about.AppIcons;
import dev.sessiondb.ui.common.Controls;
import dev.sessiondb.ui.common.CurrentStore;
import dev.sessiondb.ui.common.Theme;
import dev.sessiondb.ui.common.UndoStack;
import dev.sessiondb.ui.detail.DetailView;
import dev.sessiondb.ui.detail.DetailViewModel;
import dev.sessiondb.ui.history.HistoryView;
import dev.sessiondb.ui.history.HistoryViewModel;
import dev.sessiondb.ui.jobs.JobsView;
import dev.sessiondb.ui.overview.OverviewView;
import dev.sessiondb.ui.overview.OverviewViewModel;
import dev.sessiondb.ui.sessions.SessionsView;
import dev.sessiondb.ui.sessions.SessionsViewModel;
import dev.sessiondb.ui.stores.FirstRun;
import dev.sessiondb.ui.stores.StoresView;
import dev.sessiondb.ui.stores.StoresViewModel;
import java.time.ZoneId;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;

/**
 * The application shell: toolbar, stores sidebar, the main views as tabs (sessions, overview,
 * and whatever {@link #addView} adds), the detail pane, the jobs panel and the status bar.
 * It builds each view with its ViewModel and wires the keyboard shortcuts.
 */
public final class MainWindow {

    private final AppServices services;
    private final CurrentStore current = new CurrentStore();
    private final UndoStack undo;
    private final MainViewModel viewModel;
    private final StoresViewModel stores;
    private final SessionsView sessionsView;
    private final TabPane views = new TabPane();
    private final BorderPane root = new BorderPane();
    private final SplitPane centre = new SplitPane();
    private final JobsView jobs;
    private final java.util.Map<KeyCombination, String> pendingShortcuts = new java.util.LinkedHashMap<>();
    private Scene scene;
    private boolean jobsOpenedForAJob;

    public MainWindow(AppServices services) {
        this(services, null);
    }

    /** @param firstRun the default store and demo for a user who has opened nothing yet; null in tests that script the start */
    public MainWindow(AppServices services, FirstRun firstRun) {
        this.services = services;
        undo = new UndoStack(services.executor(), services.dialogs());
        viewModel = new MainViewModel(services.settings(), current, undo, services.dialogs());
        stores = new StoresViewModel(services.settings(), services.discovery(), services.credentials(), services.opener(),
                current, services.dialogs(), services.executor(), firstRun);
        sessionsView = new SessionsView(new SessionsViewModel(current, services.executor(), services.dialogs()));
        jobs = new JobsView(services.executor().jobs());
        views.setId("main-views");
        views.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        addView("sessions", "Sessions", sessionsView, null);
        addView("overview", "Overview", new OverviewView(new OverviewViewModel(current, services.executor(), services.dialogs())),
                new KeyCodeCombination(KeyCode.DIGIT2, KeyCombination.SHORTCUT_DOWN));
        addView("history", "History", new HistoryView(new HistoryViewModel(current, services.journal(), undo, services.executor(),
                services.dialogs(), ZoneId.systemDefault())), new KeyCodeCombination(KeyCode.H, KeyCombination.SHORTCUT_DOWN));
        layout(new DetailView(new DetailViewModel(current, services.executor(), services.dialogs(), undo, services.journal())));
    }

    /** The store the views show; views added later build their ViewModels over it. */
    public CurrentStore currentStore() {
        return current;
    }

    public AppServices services() {
        return services;
    }

    public UndoStack undoStack() {
        return undo;
    }

    /** Adds a main view as a tab; the shortcut (may be null) brings it to the front. */
    public void addView(String id, String title, Node view, KeyCombination shortcut) {
        Tab tab = new Tab(title, view);
        tab.setId("view-" + id);
        views.getTabs().add(tab);
        if (shortcut != null) {
            tab.setTooltip(new javafx.scene.control.Tooltip(title + " (" + shortcut.getDisplayText() + ")"));
            if (scene != null) {
                scene.getAccelerators().put(shortcut, () -> showView(id));
            } else {
                pendingShortcuts.put(shortcut, id);
            }
        }
    }

    /** Adds a control to the toolbar, after the title (a menu of jobs, say). */
    public void addTool(Node tool) {
        ((ToolBar) root.getTop()).getItems().add(1, tool);
    }

    /** Brings a view to the front; says so when it is not part of this build. */
    public void showView(String id) {
        views.getTabs().stream().filter(tab -> tab.getId().equals("view-" + id)).findFirst().ifPresentOrElse(
                tab -> views.getSelectionModel().select(tab),
                () -> services.dialogs().notify("The " + id + " view is not available yet"));
    }

    public void show(Stage stage) {
        scene = new Scene(root, viewModel.windowWidth(), viewModel.windowHeight());
        scene.getStylesheets().add(MainWindow.class.getResource("app.css").toExternalForm());
        applyTheme(viewModel.themeProperty().get());
        viewModel.themeProperty().addListener((property, before, after) -> applyTheme(after));
        shortcuts();
        JobScreens.install(this);
        stage.setTitle("SessionDB Admin");
        stage.getIcons().setAll(AppIcons.forStage());
        stage.setScene(scene);
        stage.setOnHidden(event -> {
            viewModel.rememberWindowSize(scene.getWidth(), scene.getHeight());
            services.executor().shutdown();
            current.close();
        });
        stage.show();
        stores.discover();
        stores.reopenLast();
    }

    private void applyTheme(Theme theme) {
        theme.apply();
        root.getStyleClass().removeAll("theme-light", "theme-dark");
        root.getStyleClass().add("theme-" + theme.id());
    }

    private void layout(DetailView detail) {
        SplitPane main = new SplitPane(views, detail);
        main.setDividerPositions(0.72);
        SplitPane.setResizableWithParent(detail, false);
        centre.setOrientation(Orientation.VERTICAL);
        centre.getItems().add(main);
        SplitPane body = new SplitPane(new StoresView(stores, services.dialogs()), centre);
        body.setDividerPositions(0.16);
        SplitPane.setResizableWithParent(body.getItems().get(0), false);
        root.setTop(toolbar());
        root.setCenter(body);
        root.setBottom(statusBar());
        // Quick jobs come and go unseen; one still running after a moment opens the panel,
        // which closes again when the last job ends unless the user opened it.
        javafx.animation.PauseTransition moment = new javafx.animation.PauseTransition(javafx.util.Duration.millis(800));
        moment.setOnFinished(event -> {
            if (!services.executor().jobs().isEmpty() && !centre.getItems().contains(jobs)) {
                showJobs(true);
                jobsOpenedForAJob = true;
            }
        });
        services.executor().jobs().addListener((javafx.collections.ListChangeListener<javafx.concurrent.Task<?>>) change -> {
            if (!services.executor().jobs().isEmpty()) {
                moment.playFromStart();
            } else if (jobsOpenedForAJob) {
                showJobs(false);
            }
        });
    }

    private ToolBar toolbar() {
        Label title = Controls.styled(new Label("SessionDB Admin"), "title-4");
        Button refresh = Controls.button("Refresh", "Read the open store again (F5)", viewModel::refresh);
        refresh.setId("refresh");
        Button undoButton = Controls.button("Undo", "Undo the last change (Ctrl+Z)", viewModel::undo);
        undoButton.setId("undo");
        undoButton.disableProperty().bind(viewModel.undoDescriptionProperty().isEmpty());
        undoButton.textProperty().bind(Bindings.when(viewModel.undoDescriptionProperty().isEmpty()).then("Undo")
                .otherwise(Bindings.concat("Undo ", viewModel.undoDescriptionProperty())));
        ToggleButton dark = Controls.describe(new ToggleButton("Dark theme"), "Switch between the light and dark theme");
        dark.setId("theme-toggle");
        dark.setSelected(viewModel.themeProperty().get() == Theme.DARK);
        dark.setOnAction(event -> viewModel.toggleTheme());
        MenuItem about = new MenuItem("About SessionDB Admin");
        about.setId("about");
        about.setOnAction(event -> services.dialogs().showCustomDialog(new AboutDialog(AboutViewModel.ofRunningApp())));
        MenuButton help = Controls.describe(new MenuButton("Help", null, about), "Version, Java, JavaFX and where the log is");
        help.setId("help-menu");
        return new ToolBar(title, Controls.spacer(), refresh, undoButton, dark, help);
    }

    private HBox statusBar() {
        Label status = Controls.styled(new Label(), "text-small");
        status.setId("status-line");
        status.textProperty().bind(services.status());
        status.accessibleTextProperty().bind(services.status());
        ToggleButton jobsToggle = Controls.describe(new ToggleButton(), "Show or hide the jobs panel");
        jobsToggle.setId("jobs-toggle");
        jobsToggle.textProperty().bind(Bindings.concat("Jobs (", Bindings.size(services.executor().jobs()), ")"));
        jobsToggle.getStyleClass().add("small");
        jobsToggle.selectedProperty().addListener((property, before, after) -> showJobs(after));
        centre.getItems().addListener((javafx.collections.ListChangeListener<Node>) change -> jobsToggle.setSelected(centre.getItems().contains(jobs)));
        HBox bar = new HBox(10, status, Controls.spacer(), jobsToggle);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 10, 4, 10));
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    private void showJobs(boolean shown) {
        jobsOpenedForAJob = false;
        if (shown && !centre.getItems().contains(jobs)) {
            centre.getItems().add(jobs);
            centre.setDividerPositions(0.75);
        } else if (!shown) {
            centre.getItems().remove(jobs);
        }
    }

    private void shortcuts() {
        var accelerators = scene.getAccelerators();
        accelerators.put(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), stores::addFile);
        accelerators.put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), () -> {
            showView("sessions");
            sessionsView.focusSearch();
        });
        accelerators.put(new KeyCodeCombination(KeyCode.F5), viewModel::refresh);
        accelerators.put(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN), viewModel::undo);
        accelerators.put(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN), () -> showView("diff"));
        accelerators.put(new KeyCodeCombination(KeyCode.DIGIT1, KeyCombination.SHORTCUT_DOWN), () -> showView("sessions"));
        pendingShortcuts.forEach((shortcut, id) -> accelerators.put(shortcut, () -> showView(id)));
    }
}
