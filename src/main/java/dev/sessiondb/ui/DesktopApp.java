package dev.sessiondb.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The desktop window (first cut: the full UI lands with the desktop issue). */
public final class DesktopApp extends Application {

    @Override
    public void start(Stage stage) {
        stage.setTitle("SessionDB Admin");
        stage.setScene(new Scene(new Label("No stores yet: open one, or discover."), 1200, 800));
        stage.show();
    }

    /** Called from a class that does not extend Application, so the shaded jar starts on the classpath. */
    public static void launch(String[] args) {
        Application.launch(DesktopApp.class, args);
    }
}
