package dev.sessiondb.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.Fixtures;
import dev.sessiondb.cli.CliRun;
import dev.sessiondb.ui.ViewModelFixture;
import dev.sessiondb.ui.wizard.consolidate.ConsolidateWizardViewModel;
import dev.sessiondb.ui.wizard.migrate.MigrateWizardViewModel;
import dev.sessiondb.ui.wizard.validate.ValidateWizardViewModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The wizards refuse bad input with the command line's own message, in place, and change nothing. */
class WizardBadInputTest extends ViewModelFixture {

    private static final String PREFIX = "sessiondb: ";

    private Path fixture;
    private Path other;
    private Path truncated;
    private Map<String, String> before;

    @BeforeEach
    void stores() throws IOException {
        fixture = Fixtures.copy(Fixtures.MINSKY_ARRAY, Files.createDirectories(directory.resolve("stores/a")));
        other = Fixtures.copy(Fixtures.MINSKY_ARRAY, Files.createDirectories(directory.resolve("stores/b")));
        truncated = directory.resolve("stores/truncated.json");
        Files.write(truncated, Arrays.copyOf(Files.readAllBytes(fixture), 5000));
        before = FolderChecksums.of(directory.resolve("stores"));
    }

    @Test
    void migrateNamesAnUnknownStoreKindAsTheCommandLineDoes() {
        String unknown = "nosuch:" + directory.resolve("stores/x");
        MigrateWizardViewModel wizard = migrateWizard(unknown, directory.resolve("stores/t.db").toString());

        wizard.makePlan();

        assertThat(dialogs.errors()).singleElement().asString().endsWith(cliMessage("info", unknown));
        assertNothingChanged();
    }

    @Test
    void migrateShowsWhereASourceIsBrokenAsTheCommandLineDoes() {
        String target = directory.resolve("stores/t.db").toString();
        MigrateWizardViewModel wizard = migrateWizard(truncated.toString(), target);

        wizard.makePlan();

        assertThat(wizard.planProperty().get().headline()).isEqualTo("Cannot plan: " + cliMessage("migrate", truncated.toString(), target,
                "--backup-dir", directory.resolve("journal").toString()));
        assertNothingChanged();
    }

    @Test
    void migrateRefusesToWriteIntoItsOwnSource() {
        MigrateWizardViewModel wizard = migrateWizard(fixture.toString(), "json:" + fixture);

        wizard.makePlan();

        assertThat(wizard.planProperty().get().headline()).isEqualTo("Cannot plan: " + cliMessage("migrate", fixture.toString(), "json:" + fixture,
                "--backup-dir", directory.resolve("journal").toString()));
        assertNothingChanged();
    }

    @Test
    void consolidateRefusesToWriteIntoOneOfItsSources() {
        ConsolidateWizardViewModel wizard = new ConsolidateWizardViewModel(executor, dialogs, locators(), existingStores(), undo, journal(), Runnable::run);
        for (Path source : new Path[] {fixture, other}) {
            wizard.newSourceProperty().set(source.toString());
            wizard.addSource();
        }
        wizard.steps().next();
        wizard.target().textProperty().set(fixture.toString());
        wizard.steps().next();
        wizard.steps().next();

        // a plan that fails says so as Migrate's does ("Cannot plan"), with the command line's words
        assertThat(wizard.summaryProperty().get().headline()).isEqualTo("Cannot plan: " + cliMessage("consolidate", fixture.toString(), other.toString(),
                "--into", fixture.toString(), "--backup-dir", directory.resolve("journal").toString()));
        assertNothingChanged();
    }

    @Test
    void validateShowsWhereAStoreIsBrokenAsTheCommandLineDoes() {
        ValidateWizardViewModel wizard = new ValidateWizardViewModel(executor, dialogs, locators(), existingStores(), current, undo, journal(),
                Runnable::run);
        wizard.store().textProperty().set(truncated.toString());

        wizard.validate();

        assertThat(dialogs.errors()).singleElement().asString().endsWith(cliMessage("validate", truncated.toString()));
        assertNothingChanged();
    }

    private MigrateWizardViewModel migrateWizard(String source, String target) {
        MigrateWizardViewModel wizard = new MigrateWizardViewModel(executor, dialogs, locators(), undo, journal(), Runnable::run);
        wizard.source().textProperty().set(source);
        wizard.target().textProperty().set(target);
        return wizard;
    }

    /** What the command line prints for the same input, without its "sessiondb: " prefix; it must refuse with exit 2. */
    private static String cliMessage(String... args) {
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).startsWith(PREFIX);
        return run.err().strip().substring(PREFIX.length());
    }

    private void assertNothingChanged() {
        assertThat(FolderChecksums.of(directory.resolve("stores"))).isEqualTo(before);
    }
}
