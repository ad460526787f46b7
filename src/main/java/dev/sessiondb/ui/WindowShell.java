package dev.sessiondb.ui;

import dev.sessiondb.ui.common.Controls;
import dev.sessiondb.ui.common.ShownAhead;
import dev.sessiondb.ui.common.Theme;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.util.Duration;

/**
 * The window's frame, empty of any screen: a toolbar, the sidebar beside the main views (as
 * tabs) and the detail pane (folded away in front of a wide view), a jobs panel below them and
 * the status bar. {@link MainWindow}
 * decides what goes in it; the frame only lays it out and brings views to the front.
 */
final class WindowShell {

    private final BorderPane root = new BorderPane();
    private final TabPane views = new ViewTabs();
    private final SplitPane centre = new SplitPane();
    private final SplitPane main;
    private final Node detail;
    /** The views in front of which the detail pane folds away, by tab, each with when it does (always for a wide view). */
    private final Map<Tab, ObservableBooleanValue> detailFolded = new HashMap<>();
    /** What each shortcut does, in words for the Help menu and as the action its item runs. */
    private final Map<KeyCombination, Listed> shortcuts = new LinkedHashMap<>();
    /** Views of a rare case (a file to repair), out of the tabs until {@link #showView} asks for one. */
    private final Map<String, Tab> viewsWhenAsked = new HashMap<>();
    /** The views' shortcuts, to the view each brings forward. */
    private final Map<KeyCombination, String> viewShortcuts = new HashMap<>();
    /** What takes the keyboard in a view brought to the front, by view id, where it is not the view's first control. */
    private final Map<String, Runnable> focusOnArrival = new HashMap<>();
    private double detailDivider = 0.72;
    private final Scene scene;
    private final Node jobsPanel;
    private final ShownAhead ahead = new ShownAhead(root);
    private final Consumer<String> notify;
    private boolean jobsOpenedForAJob;

    /**
     * @param running the jobs under way, which the jobs panel shows
     * @param notify  where "this view is not available" is said
     */
    WindowShell(double width, double height, Node sidebar, Node detail, Node jobsPanel, ObservableList<Task<?>> running,
                StringProperty status, Consumer<String> notify) {
        this.jobsPanel = jobsPanel;
        this.notify = notify;
        views.setId("main-views");
        // only a view shown when asked has a close button (Tab#setClosable); the main views stay
        views.setTabClosingPolicy(TabPane.TabClosingPolicy.SELECTED_TAB);
        this.detail = detail;
        main = new SplitPane(views, detail);
        main.setDividerPositions(detailDivider);
        views.getSelectionModel().selectedItemProperty().addListener((property, before, after) -> showDetailFor(after));
        centre.setOrientation(Orientation.VERTICAL);
        centre.getItems().add(main);
        SplitPane body = new SplitPane(sidebar, centre);
        body.setDividerPositions(0.16);
        SplitPane.setResizableWithParent(sidebar, false);
        root.setCenter(body);
        root.setBottom(statusBar(status, running));
        openJobsForLongJobs(running);
        scene = new Scene(root, width, height);
        // a view's shortcut reaches the window from a text field too: there Ctrl+H deleted a character instead of showing History
        scene.addEventFilter(KeyEvent.KEY_PRESSED, event -> viewShortcuts.entrySet().stream().filter(shortcut -> shortcut.getKey().match(event))
                .findFirst().ifPresent(shortcut -> {
                    event.consume();
                    goToView(shortcut.getValue());
                }));
        scene.getStylesheets().add(WindowShell.class.getResource("app.css").toExternalForm());
    }

    Scene scene() {
        return scene;
    }

    /** The toolbar: the app's title, then {@code tools} in order. */
    void setTools(Node... tools) {
        ToolBar toolbar = new ToolBar(Controls.styled(new Label("SessionDB Admin"), "title-4"));
        toolbar.getItems().addAll(tools);
        root.setTop(toolbar);
    }

    /** Adds a main view as a tab; its shortcut (may be null) brings it to the front. Returns whether it is in front. */
    ReadOnlyBooleanProperty addView(String id, String title, Node view, KeyCombination shortcut) {
        Tab tab = new Tab(title, view);
        tab.setId("view-" + id);
        tab.setClosable(false);
        views.getTabs().add(tab);
        if (shortcut != null) {
            tab.setTooltip(new Tooltip(title + " (" + shortcut.getDisplayText() + ")"));
            // the scene's key filter (made with the scene) brings the view forward, from a text field too: no accelerator besides
            shortcuts.put(shortcut, new Listed(title, () -> goToView(id)));
            viewShortcuts.put(shortcut, id);
        }
        return tab.selectedProperty();
    }

    /**
     * As {@link #addView}, for a view with no use for the selected session's detail (a job's
     * wizard, the history): the detail pane folds away while it is in front and gives it the room.
     */
    ReadOnlyBooleanProperty addWideView(String id, String title, Node view, KeyCombination shortcut) {
        return addViewFoldingDetailWhile(id, title, view, shortcut, new SimpleBooleanProperty(true));
    }

    /**
     * As {@link #addView}, for a view whose use for the selected session's detail comes and goes: the detail pane
     * folds away while the view is in front and {@code folded} holds.
     */
    ReadOnlyBooleanProperty addViewFoldingDetailWhile(String id, String title, Node view, KeyCombination shortcut, ObservableBooleanValue folded) {
        ReadOnlyBooleanProperty inFront = addView(id, title, view, shortcut);
        Tab tab = views.getTabs().get(views.getTabs().size() - 1);
        detailFolded.put(tab, folded);
        folded.addListener((property, was, now) -> showDetailFor(views.getSelectionModel().getSelectedItem()));
        return inFront;
    }

    /**
     * As {@link #addWideView}, for a view only some files need: its tab appears when {@link #showView} brings it
     * to the front, and the user can close it when done.
     */
    void addWideViewShownWhenAsked(String id, String title, Node view) {
        addWideView(id, title, view, null);
        Tab tab = views.getTabs().remove(views.getTabs().size() - 1);
        tab.setClosable(true);
        viewsWhenAsked.put(id, tab);
    }

    /** {@code focus} gives the keyboard to the view's main control (its list) when {@link #goToView} brings it to the front. */
    void focusOnArrival(String id, Runnable focus) {
        focusOnArrival.put(id, focus);
    }

    /** Brings a view to the front; says so when it is not part of this build. */
    void showView(String id) {
        Tab asked = viewsWhenAsked.get(id);
        if (asked != null && !views.getTabs().contains(asked)) {
            views.getTabs().add(asked);
        }
        views.getTabs().stream().filter(tab -> tab.getId().equals("view-" + id)).findFirst().ifPresentOrElse(
                tab -> views.getSelectionModel().select(tab),
                () -> notify.accept("The " + id + " view is not available yet"));
    }

    /**
     * Brings a view to the front as the user asks for it (its shortcut, the Jobs menu) with the focus on its first
     * control: left in the sidebar or on the Jobs toggle, the keys the user goes on with would move nothing in the view.
     */
    void goToView(String id) {
        showView(id);
        Runnable mainControl = focusOnArrival.get(id);
        Node shown = views.getSelectionModel().getSelectedItem().getContent();
        if (mainControl != null) {
            mainControl.run();
        } else if (!Controls.holdsFocus(shown)) {
            Controls.firstControl(shown).ifPresent(WindowShell::focusForTyping);
        }
    }

    /**
     * Focuses a view's first control, its text selected when it holds one (the open store, put in Diff's Store A or a wizard's
     * store): with the caret before it, a path typed over it went in front, "b.dbsqlite:/home/…/a.db".
     */
    private static void focusForTyping(Node first) {
        first.requestFocus();
        if (first instanceof TextInputControl field) {
            field.selectAll();
        } else if (first instanceof ComboBox<?> box && box.isEditable()) {
            box.getEditor().selectAll();
        }
    }

    /** Builds {@code nodes} (pages not shown yet) ahead of their first showing, one per pulse. */
    void prepareAhead(List<Node> nodes) {
        ahead.prepare(nodes);
    }

    /**
     * Builds the jobs panel once the window has shown, while it waits for a first click: built when
     * a job opens it, its skin made the pulse that opened it the plan's longest.
     */
    void prepareJobsPanel() {
        ahead.prepare(List.of(jobsPanel));
    }

    /** {@code shortcut} does {@code action} anywhere in the window; {@link #shortcutsMenu} lists it as {@code what}. */
    void onShortcut(KeyCombination shortcut, String what, Runnable action) {
        scene.getAccelerators().put(shortcut, action);
        shortcuts.put(shortcut, new Listed(what, action));
    }

    /** The shortcut that brings the view forward, for a menu item to show (its accelerator: the key filter consumes the keys first). */
    Optional<KeyCombination> shortcutOf(String id) {
        return viewShortcuts.entrySet().stream().filter(shortcut -> shortcut.getValue().equals(id)).map(Map.Entry::getKey).findFirst();
    }

    /** Every shortcut with what it does, in the order they were given; choosing one does it. */
    Menu shortcutsMenu() {
        Menu menu = new Menu("Keyboard shortcuts");
        menu.setId("shortcuts-menu");
        shortcuts.forEach((shortcut, listed) -> {
            MenuItem item = new MenuItem(shortcut.getDisplayText() + "    " + listed.what());
            item.setOnAction(event -> listed.action().run());
            menu.getItems().add(item);
        });
        return menu;
    }

    void applyTheme(Theme theme) {
        theme.apply();
        root.getStyleClass().removeAll("theme-light", "theme-dark");
        root.getStyleClass().add("theme-" + theme.id());
    }

    /**
     * Quick jobs come and go unseen; one still running after a moment opens the panel, which
     * closes again when the last job ends unless the user opened it.
     */
    private void openJobsForLongJobs(ObservableList<Task<?>> running) {
        PauseTransition moment = new PauseTransition(Duration.millis(800));
        moment.setOnFinished(event -> {
            if (!running.isEmpty() && !centre.getItems().contains(jobsPanel)) {
                showJobs(true);
                jobsOpenedForAJob = true;
            }
        });
        running.addListener((ListChangeListener<Task<?>>) change -> {
            if (!running.isEmpty()) {
                moment.playFromStart();
            } else if (jobsOpenedForAJob) {
                showJobs(false);
            }
        });
    }

    private HBox statusBar(StringProperty status, ObservableList<Task<?>> running) {
        Label line = Controls.styled(new Label(), "text-small");
        line.setId("status-line");
        line.textProperty().bind(status);
        line.accessibleTextProperty().bind(status);
        ToggleButton jobsToggle = Controls.describe(new ToggleButton(), "Show or hide the jobs panel");
        jobsToggle.setId("jobs-toggle");
        jobsToggle.textProperty().bind(Bindings.concat("Jobs (", Bindings.size(running), ")"));
        jobsToggle.getStyleClass().add("small");
        jobsToggle.selectedProperty().addListener((property, before, after) -> showJobs(after));
        centre.getItems().addListener((ListChangeListener<Node>) change -> jobsToggle.setSelected(centre.getItems().contains(jobsPanel)));
        HBox bar = new HBox(10, line, Controls.spacer(), jobsToggle);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 10, 4, 10));
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    private void showDetailFor(Tab inFront) {
        ObservableBooleanValue folded = detailFolded.get(inFront);
        showDetail(folded == null || !folded.get());
    }

    private void showDetail(boolean shown) {
        if (shown && !main.getItems().contains(detail)) {
            main.getItems().add(detail);
            main.setDividerPositions(detailDivider);
        } else if (!shown && main.getItems().contains(detail)) {
            detailDivider = main.getDividerPositions()[0];
            main.getItems().remove(detail);
        }
    }

    private void showJobs(boolean shown) {
        jobsOpenedForAJob = false;
        if (shown && !centre.getItems().contains(jobsPanel)) {
            centre.getItems().add(jobsPanel);
            centre.setDividerPositions(0.75);
        } else if (!shown) {
            centre.getItems().remove(jobsPanel);
        }
    }

    /** A shortcut as the Help menu lists it: what it does, and the action its menu item runs. */
    private record Listed(String what, Runnable action) {
    }
}
