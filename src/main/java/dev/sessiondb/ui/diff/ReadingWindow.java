package dev.sessiondb.ui.diff;

import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/** A window of its own to read a value in, over the diff view: styled as the app, closed by Escape. */
final class ReadingWindow {

    private ReadingWindow() {
    }

    /** The heading above the body, the body taking the window's height. */
    static void show(Window owner, String title, Label heading, Region body) {
        VBox.setVgrow(body, Priority.ALWAYS);
        VBox content = new VBox(8, heading, body);
        content.setPadding(new Insets(10));
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle(title);
        Scene scene = new Scene(content, 760, 480);
        scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        scene.getStylesheets().add(ReadingWindow.class.getResource("diff.css").toExternalForm());
        scene.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                stage.close();
            }
        });
        stage.setScene(scene);
        stage.show();
    }
}
