package dev.sessiondb.ui.wizard.repeats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.RepeatedSessionsException;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.ui.ViewModelFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Repeated sessions page's repair runs as a wizard's job does: busy while it runs, named on the status bar, its failure told. */
class RepeatedSessionsViewModelTest extends ViewModelFixture {

    private final List<StoreLocator> opened = new ArrayList<>();

    @Test
    void aRepairThatCannotRunEndsBusyAndSaysWhyOnThePageInADialogAndOnTheStatusBar() throws Exception {
        RepeatedSessionsViewModel viewModel = showingAnIdenticalRepeat();
        assertThat(viewModel.canRemove().get()).isTrue();
        Files.delete(file()); // the file went away after it was shown: the job refuses, writing nothing

        viewModel.removeIdentical();

        assertThat(viewModel.busyProperty().get()).isFalse();
        assertThat(viewModel.statusProperty().get()).startsWith("Nothing was removed: ");
        assertThat(dialogs.errors()).singleElement().asString().startsWith("Could not remove the repeated sessions");
        assertThat(dialogs.notifications()).containsExactly("Remove repeated sessions of repeats.json — running …",
                "Remove repeated sessions of repeats.json — refused");
        assertThat(viewModel.canRemove().get()).as("the identical repeat is still there to remove").isTrue();
        assertThat(opened).isEmpty();
        assertThat(file()).doesNotExist();
    }

    @Test
    void aRepairThatSucceedsIsNamedDoneOnTheStatusBarAndOpensTheFile() throws Exception {
        RepeatedSessionsViewModel viewModel = showingAnIdenticalRepeat();

        viewModel.removeIdentical();

        assertThat(viewModel.busyProperty().get()).isFalse();
        assertThat(viewModel.canRemove().get()).isFalse();
        assertThat(dialogs.notifications()).contains("Remove repeated sessions of repeats.json — done");
        assertThat(viewModel.statusProperty().get()).endsWith("No session repeats now: the file is open.");
        assertThat(opened).containsExactly(locator());
    }

    /** The page over {@link #file()}, whose one repeat is identical to its session's first record, as the window shows it when the file fails to open. */
    private RepeatedSessionsViewModel showingAnIdenticalRepeat() throws Exception {
        Files.writeString(file(), "[{\"session\": \"a\"}, {\"session\": \"a\"}]\n");
        RepeatedSessionsViewModel viewModel = new RepeatedSessionsViewModel(executor, dialogs, undo, journal(), opened::add, Runnable::run);
        viewModel.show(locator(), catchThrowableOfType(() -> StoreFactory.open(locator(), OpenMode.EXISTING).close(), RepeatedSessionsException.class));
        return viewModel;
    }

    private Path file() {
        return directory.resolve("repeats.json");
    }

    private StoreLocator locator() {
        return StoreLocator.of(StoreFormat.JSON, file());
    }
}
