package dev.sessiondb.ui;

import static dev.sessiondb.ui.AppState.read;
import static dev.sessiondb.ui.AppState.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.ui.common.Controls;
import dev.sessiondb.ui.common.CurrentThreadTaskExecutor;
import dev.sessiondb.ui.common.LocatorInput;
import dev.sessiondb.ui.stores.Credentials;
import dev.sessiondb.ui.wizard.TargetModeChoice;
import dev.sessiondb.ui.wizard.TargetModeWords;
import dev.sessiondb.ui.wizard.WizardTarget;
import java.nio.file.Path;
import java.util.Map;
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
    private TargetModeChoice modes;

    @Start
    void start(Stage stage) {
        undo = Controls.button("Undo migration fx.json → audit42_db (18:50:09)", "Undo", () -> { });
        ScriptedDialogService dialogs = new ScriptedDialogService();
        CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
        LocatorInput noPasswords = new LocatorInput(new Credentials(Path.of("no-pgpass"), Map.of()), dialogs, executor);
        modes = new TargetModeChoice("mode", new WizardTarget(dialogs, "Consolidate", executor, noPasswords), TargetModeWords.CONSOLIDATE);
        stage.setScene(new Scene(new VBox(undo, modes), 600, 300));
        stage.show();
    }

    @Test
    void aButtonShowsTheUnderscoresOfItsText() {
        waitFor(() -> undo.lookup(".text") instanceof Text);

        assertThat(read(() -> ((Text) undo.lookup(".text")).getText())).isEqualTo("Undo migration fx.json → audit42_db (18:50:09)");
    }

    /** Consolidate's Merge choice ended in "(ba…" (audit D): a long choice wraps, whole. */
    @Test
    void aLongTargetModeChoiceWrapsInsteadOfBeingCut() {
        waitFor(() -> modes.lookup("#mode-merge").lookup(".text") instanceof Text);

        String shown = read(() -> modes.lookup("#mode-merge").lookupAll(".text").stream().map(text -> ((Text) text).getText())
                .reduce("", String::concat));

        assertThat(shown).doesNotContain("…").contains("backed up first");
    }

    @Test
    void aMenuItemMadeAsWrittenParsesNoMnemonic() {
        assertThat(Controls.asWritten(new CheckMenuItem("repo_name")).isMnemonicParsing()).isFalse();
    }
}
