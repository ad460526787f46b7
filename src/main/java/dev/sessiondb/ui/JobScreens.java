package dev.sessiondb.ui;

import dev.sessiondb.ui.common.KnownStores;
import dev.sessiondb.ui.diff.DiffView;
import dev.sessiondb.ui.diff.DiffViewModel;
import dev.sessiondb.ui.common.LocatorInput;
import dev.sessiondb.ui.wizard.OpenStoreDefault;
import dev.sessiondb.ui.wizard.consolidate.ConsolidateWizardView;
import dev.sessiondb.ui.wizard.consolidate.ConsolidateWizardViewModel;
import dev.sessiondb.ui.wizard.migrate.MigrateWizardView;
import dev.sessiondb.ui.wizard.migrate.MigrateWizardViewModel;
import dev.sessiondb.ui.wizard.validate.ValidateWizardView;
import dev.sessiondb.ui.wizard.validate.ValidateWizardViewModel;
import javafx.application.Platform;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;

/**
 * Adds the job screens to the window: the diff view and the migration, consolidation and
 * validation wizards as views, and a Jobs menu in the toolbar that brings each to the front.
 */
final class JobScreens {

    private JobScreens() {
    }

    static void install(MainWindow window) {
        AppServices services = window.services();
        KnownStores known = new KnownStores(services.settings(), window.currentStore());
        LocatorInput locators = new LocatorInput(services.credentials(), services.dialogs());
        MenuButton menu = new MenuButton("Jobs");
        menu.setId("jobs-menu");
        menu.setAccessibleText("Diff, migrate, consolidate or validate stores");
        window.addTool(menu);

        DiffViewModel diff = new DiffViewModel(services.executor(), services.dialogs(), locators, services.opener());
        add(window, menu, "diff", "Diff", "Diff two stores (Ctrl+D)", new DiffView(diff, known));
        OpenStoreDefault.follow(window.currentStore(), diff.storeAProperty()::set, diff.rows()::isEmpty);
        MigrateWizardViewModel migrate = new MigrateWizardViewModel(services.executor(), services.dialogs(), locators,
                window.undoStack(), services.journal(), Platform::runLater);
        add(window, menu, "migrate", "Migrate", "Migrate a store into another format or layout…", new MigrateWizardView(migrate, known));
        OpenStoreDefault.follow(window.currentStore(), migrate.sourceProperty()::set, () -> migrate.steps().current() == 0);
        ConsolidateWizardViewModel consolidate = new ConsolidateWizardViewModel(services.executor(), services.dialogs(), locators,
                services.opener(), window.undoStack(), services.journal(), Platform::runLater);
        add(window, menu, "consolidate", "Consolidate", "Consolidate several stores into one…", new ConsolidateWizardView(consolidate, known));
        OpenStoreDefault.follow(window.currentStore(), consolidate::startFrom, () -> consolidate.steps().current() == 0);
        ValidateWizardViewModel validate = new ValidateWizardViewModel(services.executor(), services.dialogs(), locators, services.opener(),
                window.currentStore(), window.undoStack(), services.journal(), Platform::runLater);
        add(window, menu, "validate", "Validate", "Validate and repair a store…", new ValidateWizardView(validate, known));
    }

    private static void add(MainWindow window, MenuButton menu, String id, String title, String action, javafx.scene.Node view) {
        window.addView(id, title, view, null);
        MenuItem item = new MenuItem(action);
        item.setId("jobs-menu-" + id);
        item.setOnAction(event -> window.showView(id));
        menu.getItems().add(item);
    }
}
