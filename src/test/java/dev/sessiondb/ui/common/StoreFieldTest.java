package dev.sessiondb.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.ui.ScriptedDialogService;
import dev.sessiondb.ui.common.LocatorInput.Choice;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A store a view names (diff's, migrate's source, validate's): Browse for a file that is there, shown masked, resolved under
 * its role. A cancelled Browse is WizardTargetTest's, the same code.
 */
class StoreFieldTest {

    private final ScriptedDialogService dialogs = new ScriptedDialogService();
    private final StoreField store = StoreField.existing("Store B", dialogs);

    @Test
    void browseOffersTheFilesThereAndTheOneChosenBecomesTheStore() {
        dialogs.answer(Path.of("/data/b.json"));

        store.browse();

        assertThat(store.textProperty().get()).isEqualTo(Path.of("/data/b.json").toString());
        assertThat(dialogs.suggestedFileNames()).as("not a file to write: no name is suggested").isEmpty();
    }

    @Test
    void aTypedPasswordIsShownMaskedAndResolvedWholeUnderTheStoresRole() {
        store.textProperty().set("postgresql://ops:hunter2@db/sessions");

        assertThat(store.shown().get()).doesNotContain("hunter2");
        assertThat(store.choice()).isEqualTo(new Choice("Store B", "postgresql://ops:hunter2@db/sessions"));
    }
}
