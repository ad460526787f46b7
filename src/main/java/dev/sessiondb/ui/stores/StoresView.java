package dev.sessiondb.ui.stores;

import dev.sessiondb.ui.common.Controls;
import dev.sessiondb.ui.common.DialogService;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The stores sidebar: an add menu, then saved, discovered and recent stores. A click or Enter
 * opens one, and each list highlights the open store, so what looks chosen is where edits go.
 */
public final class StoresView extends VBox {

    private final StoresViewModel viewModel;
    private final DialogService dialogs;

    public StoresView(StoresViewModel viewModel, DialogService dialogs) {
        this.viewModel = viewModel;
        this.dialogs = dialogs;
        setId("stores-view");
        setSpacing(6);
        setPadding(new Insets(10));
        setPrefWidth(280);
        setMinWidth(200);

        Label title = Controls.styled(new Label("Stores"), "title-4");
        HBox header = new HBox(8, title, Controls.spacer(), addMenu());
        header.setAlignment(Pos.CENTER_LEFT);

        ListView<StoreEntry> saved = list("saved-stores", viewModel.saved(), "Saved stores", true,
                emptySaved());
        ListView<StoreEntry> discovered = list("discovered-stores", viewModel.discovered(), "Stores found on this machine", false,
                Controls.emptyState("Nothing found yet in Minsky's or magellai's folders."));
        ListView<StoreEntry> recent = list("recent-stores", viewModel.recent(), "Recently opened stores", false,
                Controls.emptyState("Stores you open appear here."));
        VBox.setVgrow(saved, Priority.ALWAYS);
        VBox.setVgrow(recent, Priority.ALWAYS);
        discovered.setPrefHeight(110);
        discovered.setMinHeight(90);

        Button discover = Controls.button("Discover", "Look for session stores in Minsky's and magellai's folders", viewModel::discover);
        discover.getStyleClass().add("small");
        HBox discoveredHeader = new HBox(8, section("Discovered"), Controls.spacer(), discover);
        discoveredHeader.setAlignment(Pos.CENTER_LEFT);

        Label open = Controls.styled(new Label(), "text-small", "text-muted");
        open.setId("open-store");
        open.textProperty().bind(viewModel.openStoreTitleProperty().map(name -> name.isEmpty() ? "No store open" : "Open: " + name));
        open.accessibleTextProperty().bind(viewModel.openStoreProperty().map(store -> store.isEmpty() ? "No store open" : "Open store: " + store));
        Tooltip where = new Tooltip();
        where.textProperty().bind(viewModel.openStoreProperty());
        open.setTooltip(where);

        getChildren().addAll(header, section("Saved"), saved, discoveredHeader, discovered, section("Recent"), recent, open);
    }

    private MenuButton addMenu() {
        MenuItem file = item("JSON or SQLite file…", viewModel::addFile);
        MenuItem directory = item("Directory of JSON sessions…", viewModel::addDirectory);
        MenuItem postgres = item("PostgreSQL…", () -> dialogs.showCustomDialog(new PostgresForm()).ifPresent(viewModel::open));
        MenuItem url = item("Paste a path or URL…", viewModel::addUrl);
        MenuButton add = new MenuButton("Add", null, file, directory, postgres, url);
        add.setId("add-store");
        return Controls.describe(add, "Open a store: a file, a directory, a PostgreSQL database or a pasted locator;"
                + " it goes among the recent stores (right-click it and choose Save to keep it under Saved)");
    }

    private ListView<StoreEntry> list(String id, ObservableList<StoreEntry> items, String help, boolean removable,
                                      Node placeholder) {
        ListView<StoreEntry> list = Controls.describe(new ListView<>(items), help);
        list.setId(id);
        list.setPlaceholder(placeholder);
        list.setCellFactory(view -> {
            StoreCell cell = new StoreCell();
            // the first click of a double-click opens it already; the second must not open it twice
            cell.setOnMouseClicked(event -> {
                if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 1 && !cell.isEmpty()) {
                    viewModel.choose(cell.getItem());
                }
            });
            return cell;
        });
        followOpenStore(list);
        list.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER && list.getSelectionModel().getSelectedItem() != null) {
                viewModel.open(list.getSelectionModel().getSelectedItem());
            }
        });
        ContextMenu menu = new ContextMenu(
                item("Open", () -> selected(list).ifPresent(viewModel::open)),
                item("Test connection", () -> selected(list).ifPresent(viewModel::testConnection)));
        menu.getItems().add(removable
                ? item("Remove from saved stores", () -> selected(list).ifPresent(viewModel::remove))
                : item("Save", () -> selected(list).ifPresent(viewModel::save)));
        list.setContextMenu(menu);
        return list;
    }

    /**
     * Keeps the list's selection on the open store (none when the list does not hold it): after
     * a store opened, when the list is reloaded, and when the user leaves the list after moving
     * through it with the keyboard or a right-click without opening anything.
     */
    private void followOpenStore(ListView<StoreEntry> list) {
        Runnable showOpen = () -> {
            int open = indexOf(list.getItems(), viewModel.openStoreProperty().get());
            if (open < 0) {
                list.getSelectionModel().clearSelection();
            } else {
                list.getSelectionModel().select(open);
            }
        };
        viewModel.openStoreProperty().addListener((property, before, after) -> showOpen.run());
        list.getItems().addListener((ListChangeListener<StoreEntry>) change -> showOpen.run());
        list.focusedProperty().addListener((property, was, focused) -> {
            if (!focused && !list.getContextMenu().isShowing()) {
                showOpen.run();
            }
        });
    }

    private static int indexOf(List<StoreEntry> entries, String locator) {
        for (int index = 0; index < entries.size(); index++) {
            if (entries.get(index).locator().equals(locator)) {
                return index;
            }
        }
        return -1;
    }

    private VBox emptySaved() {
        Button discover = Controls.button("Discover", "Look for session stores in Minsky's and magellai's folders", viewModel::discover);
        Button open = Controls.button("Open…", "Open a JSON or SQLite session store (Ctrl+O)", viewModel::addFile);
        Label message = Controls.emptyState("");
        message.textProperty().bind(Bindings.when(Bindings.isEmpty(viewModel.recent()))
                .then("No stores yet: open one, or discover.")
                .otherwise("Nothing saved yet: right-click a recent or discovered store and choose Save."));
        message.accessibleTextProperty().bind(message.textProperty());
        VBox box = new VBox(8, message, new HBox(6, open, discover));
        box.setAlignment(Pos.CENTER);
        ((HBox) box.getChildren().get(1)).setAlignment(Pos.CENTER);
        if (viewModel.demoOffered()) {
            Button demo = Controls.button("Open a demo store", "Create two demo stores of generated sessions, with the defects "
                    + "real stores have, to try the overview, diff, validation and consolidation on", viewModel::openDemo);
            demo.setId("open-demo");
            demo.getStyleClass().add("accent");
            box.getChildren().add(demo);
        }
        return box;
    }

    private static Optional<StoreEntry> selected(ListView<StoreEntry> list) {
        return Optional.ofNullable(list.getSelectionModel().getSelectedItem());
    }

    private static Label section(String text) {
        return Controls.styled(new Label(text), "text-caption", "text-muted");
    }

    private static MenuItem item(String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setOnAction(event -> action.run());
        return item;
    }

    /**
     * A store as two lines: its name, then its format and place. The lines and the tooltip are made
     * once per cell and given each entry's text: the lists refill as a store opens, and new labels
     * and a new tooltip (a popup window) for every cell each time held up the window's first page.
     */
    private static final class StoreCell extends ListCell<StoreEntry> {
        private final Label name = Controls.styled(new Label(), "text-bold");
        private final Label detail = Controls.styled(new Label(), "text-small", "text-muted");
        private final VBox lines = new VBox(1, name, detail);
        private final Tooltip where = new Tooltip();

        StoreCell() {
            // a zero preferred width makes the cell follow the list's width, so long paths end in "…" instead of scrolling
            setPrefWidth(0);
            detail.setTextOverrun(OverrunStyle.LEADING_ELLIPSIS);
        }

        @Override
        protected void updateItem(StoreEntry entry, boolean empty) {
            super.updateItem(entry, empty);
            if (empty || entry == null) {
                setGraphic(null);
                setText(null);
                setTooltip(null);
                setAccessibleText(null);
                return;
            }
            name.setText(entry.title());
            detail.setText(entry.detail());
            where.setText(entry.locator());
            setGraphic(lines);
            setTooltip(where);
            setAccessibleText(entry.title() + ", " + entry.detail());
        }
    }
}
