package dev.sessiondb.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.Fixtures;
import dev.sessiondb.job.StoreContents;
import dev.sessiondb.job.transfer.TargetMode;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.sql.TestPostgres;
import dev.sessiondb.ui.ViewModelFixture;
import dev.sessiondb.ui.common.BackgroundTask;
import dev.sessiondb.ui.common.LocatorInput.Choice;
import dev.sessiondb.ui.common.TaskExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The target the migrate and consolidate wizards share: Browse, what it holds, the existing target's mode, and the store it resolves as. */
class WizardTargetTest extends ViewModelFixture {

    private WizardTarget target;

    /** Over a new run's credentials: only the server, or a password typed in this run, lets a look log in. */
    @BeforeEach
    void nameNoTargetYet() {
        target = new WizardTarget(dialogs, "Migrate", executor, locators());
    }

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
        target.textProperty().set(directory.resolve("copies").resolve("sessions.db").toString());

        assertThat(target.lookProperty().get()).isEqualTo("Not there yet: a new store will be made, and its folder " + directory.resolve("copies"));
        assertThat(target.modeProperty().get()).isEqualTo(TargetMode.NEW);
    }

    @Test
    void aTargetHoldingSessionsSaysHowManyAndWhoseAndTakesMergeWhenNoModeWasPicked() {
        target.textProperty().set(Fixtures.copy(Fixtures.MINSKY_ARRAY, directory).toString());

        assertThat(target.lookProperty().get()).isEqualTo("Exists and holds " + Fixtures.MINSKY_COUNT + " sessions of Minsky");
        assertThat(target.modeProperty().get()).isEqualTo(TargetMode.MERGE);
        assertThat(target.modeRefusalProperty().get()).isEmpty();
    }

    @Test
    void aPickedNewStaysOnATargetHoldingSessionsAndSaysItCannotRun() {
        target.choose(TargetMode.NEW);

        target.textProperty().set(Fixtures.copy(Fixtures.MINSKY_ARRAY, directory).toString());

        assertThat(target.modeProperty().get()).isEqualTo(TargetMode.NEW);
        assertThat(target.modeRefusalProperty().get()).startsWith("New cannot run here: it needs an absent or empty target, and this one holds " + Fixtures.MINSKY_COUNT + " sessions.");
    }

    @Test
    void anEmptyFileSaysItIsEmpty() throws IOException {
        target.textProperty().set(Files.writeString(directory.resolve("empty.json"), "[]").toString());

        assertThat(target.lookProperty().get()).isEqualTo("Exists and is empty");
    }

    /**
     * Each keystroke started a look, and a server's look may wait on a login up to its timeout: typing a URL held the
     * background threads and tried a login per keystroke. One look runs at a time, then the text typed meanwhile is looked at.
     */
    @Test
    void oneLookRunsAtATimeAndTheTextTypedMeanwhileIsLookedAtWhenItEnds() {
        List<Runnable> started = new ArrayList<>();
        TaskExecutor holding = new TaskExecutor() {
            @Override
            public <V> void execute(BackgroundTask<V> task) {
                started.add(() -> executor.execute(task));
            }

            @Override
            public void shutdown() {
                // nothing held runs after the test
            }
        };
        WizardTarget typedInto = new WizardTarget(dialogs, "Migrate", holding, locators());
        String held = Fixtures.copy(Fixtures.MINSKY_ARRAY, directory).toString();

        typedInto.textProperty().set(directory.resolve("s.json").toString());
        typedInto.textProperty().set(directory.resolve("se.json").toString());
        typedInto.textProperty().set(held);

        assertThat(started).hasSize(1);
        started.remove(0).run();
        assertThat(typedInto.lookProperty().get()).isEqualTo("Looking at what it holds …");
        assertThat(started).hasSize(1);
        started.remove(0).run();
        assertThat(typedInto.lookProperty().get()).isEqualTo("Exists and holds " + Fixtures.MINSKY_COUNT + " sessions of Minsky");
        assertThat(started).isEmpty();
    }

    /**
     * A PostgreSQL target was never looked at ("told on the Plan page, once logged in"), even where the server takes the user
     * without a password (the test server trusts its administrator).
     */
    @Test
    void aServersStoreTheUserMayOpenWithoutAPasswordIsLookedAt() {
        StoreLocator store = StoreContents.create(TestPostgres.get().freshSchema().display(), SampleSessions.minskyList(3, 1));

        target.textProperty().set(store.display());

        assertThat(target.lookProperty().get()).isEqualTo("Exists and holds 3 sessions of Minsky");
        assertThat(target.modeProperty().get()).isEqualTo(TargetMode.MERGE);
        assertThat(dialogs.passwordPrompts()).isEmpty();
    }

    /** Where only the user can tell the password, the look asks nobody: the plan logs in, after a prompt. */
    @Test
    void aServersStoreWhosePasswordOnlyTheUserKnowsIsToldOnThePlanPage() {
        TestPostgres postgres = TestPostgres.get();
        String schema = postgres.freshSchema().param("schema").orElseThrow();

        target.textProperty().set("postgresql://" + TestPostgres.PASSWORD_USER + "@" + postgres.host() + ":" + postgres.port() + "/"
                + postgres.database() + "?schema=" + schema);

        assertThat(target.lookProperty().get()).isEqualTo(WizardTarget.TOLD_ONCE_LOGGED_IN);
        assertThat(dialogs.passwordPrompts()).isEmpty();
    }
}
