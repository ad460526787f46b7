package dev.sessiondb.job.consolidate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.job.Advice;
import dev.sessiondb.model.SecretMasker;
import dev.sessiondb.store.StoreLayout;
import dev.sessiondb.store.StoreLocator;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each store's provider names Minsky's backend; the report prints it the same way for every format. */
class MinskySettingsTest {

    @TempDir
    Path dir;

    @Test
    void aSqliteStoreInAnotherLayoutGetsItsPathAndTheLayoutWarning() {
        Path file = dir.resolve("sessions.db");
        List<String> lines = MinskySettings.of(StoreLocator.parse("sqlite:" + file), StoreLayout.NATIVE).lines();

        assertThat(lines).contains("    export MINSKY_SESSIONDB_BACKEND=sqlite", "    export MINSKY_SESSIONDB_SQLITE_PATH=" + file.toAbsolutePath(),
                "      backend: sqlite", "      sqlite:", "        path: " + file.toAbsolutePath());
        assertThat(MinskySettings.of(StoreLocator.parse("sqlite:" + file), StoreLayout.NATIVE).advice()).hasValueSatisfying(advice -> {
            assertThat(advice.reason()).isEqualTo(Advice.Reason.MINSKY_READS_ONLY_ITS_LAYOUT);
            assertThat(advice.text()).isEqualTo("Minsky reads only its own layout and this store has the native layout:"
                    + " consolidate with --layout minsky (a dry run shows any field Minsky's layout cannot hold).");
        });
        assertThat(MinskySettings.of(StoreLocator.parse("sqlite:" + file), StoreLayout.MINSKY).advice()).isEmpty();
    }

    @Test
    void aJsonFileNotNamedSessionDbIsToBeRenamedAndItsLayoutDoesNotMatter() {
        Path file = dir.resolve("merged.json");
        List<String> lines = MinskySettings.of(StoreLocator.parse("json:" + file), StoreLayout.NATIVE).lines();

        assertThat(lines).contains("    export MINSKY_SESSIONDB_BASE_DIR=" + dir.toAbsolutePath(), "        baseDir: " + dir.toAbsolutePath(),
                "  Minsky reads <baseDir>/session-db.json: rename merged.json to session-db.json.");
        assertThat(lines).noneSatisfy(line -> assertThat(line).contains("--layout minsky"));
    }

    @Test
    void aPostgresUrlIsPrintedWithItsPasswordMaskedAndWithoutSessiondbParameters() {
        List<String> lines = MinskySettings.of(StoreLocator.parse("postgresql://minsky:hunter2@db.example:5432/sessions?layout=minsky"),
                StoreLayout.MINSKY).lines();

        assertThat(lines).contains("    export MINSKY_SESSIONDB_BACKEND=postgres", "      postgres:");
        assertThat(String.join("\n", lines)).doesNotContain("hunter2").doesNotContain("layout=minsky").contains(SecretMasker.MASK);
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("Put the password where " + SecretMasker.MASK + " stands"));
    }

    @Test
    void aJsonDirectoryIsOneMinskyCannotRead() {
        List<String> lines = MinskySettings.of(StoreLocator.parse("jsondir:" + dir), StoreLayout.MAGELLAI).lines();

        assertThat(lines).contains("  Minsky cannot read a jsondir: store; consolidate into json:, sqlite: or postgresql:// instead.");
        assertThat(lines).noneSatisfy(line -> assertThat(line).contains("MINSKY_SESSIONDB_BACKEND"));
    }
}
