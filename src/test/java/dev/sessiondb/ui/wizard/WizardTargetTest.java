package dev.sessiondb.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.Fixtures;
import dev.sessiondb.job.transfer.TargetMode;
import dev.sessiondb.ui.ScriptedDialogService;
import dev.sessiondb.ui.common.CurrentThreadTaskExecutor;
import dev.sessiondb.ui.common.LocatorInput.Choice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The target the migrate and consolidate wizards share: Browse, what it holds, the existing target's mode, and the store it resolves as. */
class WizardTargetTest {

    @TempDir
    Path folder;
    private final ScriptedDialogService dialogs = new ScriptedDialogService();
    private final WizardTarget target = new WizardTarget(dialogs, "Migrate", new CurrentThreadTaskExecutor());

    @Test
    void aFileChosenByBrowseBecomesTheTarget() {
        dialogs.answer(Path.of("/data/sessions.db"));

        target.browse();

        assertThat(target.textProperty().get()).isEqualTo(Path.of("/data/sessions.db").toString());
        assertThat(target.shown().get()).contains("sessions.db");
    }

    @Test
    void aCancelledBrowseKeepsTheTargetTyped() {
        target.textProperty().set("sqlite:/data/typed.db");
        dialogs.answer(null);

        target.browse();

        assertThat(target.textProperty().get()).isEqualTo("sqlite:/data/typed.db");
    }

    @Test
    void aNewTargetMustBeAbsentOrEmptyUntilTheUserChoosesOtherwise() {
        assertThat(target.modeProperty().get()).isEqualTo(TargetMode.NEW);
    }

    @Test
    void theTargetResolvesAsTheStoreNamedTargetInMessages() {
        target.textProperty().set("all.json");

        assertThat(target.choice()).isEqualTo(new Choice("Target", "all.json"));
    }

    @Test
    void anAbsentTargetInAFolderNotThereYetSaysBothWillBeMade() {
        target.textProperty().set(folder.resolve("copies").resolve("sessions.db").toString());

        assertThat(target.lookProperty().get()).isEqualTo("Not there yet: a new store will be made, and its folder " + folder.resolve("copies"));
        assertThat(target.modeProperty().get()).isEqualTo(TargetMode.NEW);
    }

    @Test
    void aTargetHoldingSessionsSaysHowManyAndWhoseAndTakesMergeWhenNoModeWasPicked() {
        target.textProperty().set(Fixtures.copy(Fixtures.MINSKY_ARRAY, folder).toString());

        assertThat(target.lookProperty().get()).isEqualTo("Exists and holds " + Fixtures.MINSKY_COUNT + " sessions of Minsky");
        assertThat(target.modeProperty().get()).isEqualTo(TargetMode.MERGE);
        assertThat(target.modeRefusalProperty().get()).isEmpty();
    }

    @Test
    void aPickedNewStaysOnATargetHoldingSessionsAndSaysItCannotRun() {
        target.choose(TargetMode.NEW);

        target.textProperty().set(Fixtures.copy(Fixtures.MINSKY_ARRAY, folder).toString());

        assertThat(target.modeProperty().get()).isEqualTo(TargetMode.NEW);
        assertThat(target.modeRefusalProperty().get()).startsWith("New cannot run here: it needs an absent or empty target, and this one holds " + Fixtures.MINSKY_COUNT + " sessions.");
    }

    @Test
    void anEmptyFileSaysItIsEmpty() throws IOException {
        target.textProperty().set(Files.writeString(folder.resolve("empty.json"), "[]").toString());

        assertThat(target.lookProperty().get()).isEqualTo("Exists and is empty");
    }
}
