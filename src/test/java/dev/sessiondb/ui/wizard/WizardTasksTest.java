package dev.sessiondb.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.progress.CancelledException;
import org.junit.jupiter.api.Test;

/** How a wizard's status line words a cancel: from what the engine says the stop left (audit A). */
class WizardTasksTest {

    @Test
    void aStopThatWroteNothingSaysSo() {
        assertThat(WizardTasks.cancelledText(new CancelledException())).isEqualTo("Cancelled: nothing was written.");
    }

    @Test
    void aStopThatMayHaveWrittenNamesTheBackupItKeptAndWhereToPutItBack() {
        CancelledException kept = new CancelledException("cancelled; the store may have changed", "20261205T185009.000Z-migrate-1a2b-3c4d");

        assertThat(WizardTasks.cancelledText(kept)).doesNotContain("nothing was written")
                .isEqualTo("Cancelled, but the store may have changed before the write stopped: its backup 20261205T185009.000Z-migrate-1a2b-3c4d"
                        + " is kept, and Undo selected job in the History view puts it back.");
    }
}
