package dev.sessiondb.ui;

import static dev.sessiondb.ui.AppState.read;
import static dev.sessiondb.ui.AppState.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.ui.common.Controls;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A button's text that holds data is shown as written: "audit42_db" kept its underscore nowhere (audit C). */
@ExtendWith(ApplicationExtension.class)
class DataTextFlowTest {

    private Button undo;

    @Start
    void start(Stage stage) {
        undo = Controls.button("Undo migration fx.json → audit42_db (18:50:09)", "Undo", () -> { });
        stage.setScene(new Scene(new VBox(undo), 600, 100));
        stage.show();
    }

    @Test
    void aButtonShowsTheUnderscoresOfItsText() {
        waitFor(() -> undo.lookup(".text") instanceof Text);

        assertThat(read(() -> ((Text) undo.lookup(".text")).getText())).isEqualTo("Undo migration fx.json → audit42_db (18:50:09)");
    }

    @Test
    void aMenuItemMadeAsWrittenParsesNoMnemonic() {
        assertThat(Controls.asWritten(new CheckMenuItem("repo_name")).isMnemonicParsing()).isFalse();
    }
}
