package dev.sessiondb.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.job.transfer.TargetMode;
import dev.sessiondb.ui.ScriptedDialogService;
import dev.sessiondb.ui.common.LocatorInput.Choice;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The target the migrate and consolidate wizards share: Browse, the existing target's mode, and the store it resolves as. */
class WizardTargetTest {

    private final ScriptedDialogService dialogs = new ScriptedDialogService();
    private final WizardTarget target = new WizardTarget(dialogs, "Migrate");

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
}
