package dev.sessiondb.ui;

import dev.sessiondb.store.selection.MinskyPaths;
import dev.sessiondb.ui.stores.FirstRun;
import javafx.application.Application;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The desktop app's lifecycle: starts the window over this machine's services, and stops the background work at exit. */
public final class DesktopApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(DesktopApp.class);

    private AppServices services;

    @Override
    public void start(Stage stage) {
        LOG.info("JavaFX {}", System.getProperty("javafx.runtime.version"));
        Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> LOG.error("Uncaught in {}", thread.getName(), failure));
        MinskyPaths paths = MinskyPaths.ofSystem();
        services = AppServices.ofSystem(paths, stage);
        new MainWindow(services, FirstRun.ofSystem(paths)).show(stage);
    }

    @Override
    public void stop() {
        if (services != null) { // null when start failed before the window was built
            services.executor().shutdown();
        }
    }

    /** Called from a class that does not extend Application, so the shaded jar starts on the classpath. */
    public static void launch(String[] args) {
        Application.launch(DesktopApp.class, args);
    }
}
