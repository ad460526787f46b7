package dev.sessiondb.store.selection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.store.StoreFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreSelectionTest {

    @TempDir
    Path home;

    private StoreSelection.Selected select(Map<String, String> env, Path workingDirectory) {
        return new StoreSelection(new MinskyPaths(env, home), workingDirectory).select();
    }

    @Test
    void sessiondbStoreWinsOverEverythingElse() {
        var selected = select(Map.of("SESSIONDB_STORE", "sqlite:/data/s.db", "MINSKY_SESSIONDB_BACKEND", "json"), home);
        assertThat(selected.locator().display()).isEqualTo("sqlite:/data/s.db");
        assertThat(selected.reason()).isEqualTo("SESSIONDB_STORE");
    }

    @Test
    void onlySessiondbStoreIsAnExplicitChoiceMinskysSettingsAreNot() {
        var explicit = new StoreSelection(new MinskyPaths(Map.of("SESSIONDB_STORE", "sqlite:/data/s.db"), home), home).explicitChoice();
        var minskys = new StoreSelection(new MinskyPaths(Map.of("MINSKY_SESSIONDB_BACKEND", "json"), home), home).explicitChoice();

        assertThat(explicit).hasValueSatisfying(selected -> assertThat(selected.explicit()).isTrue());
        assertThat(minskys).isEmpty();
    }

    @Test
    void followsMinskysBackendVariables() {
        var selected = select(Map.of("MINSKY_SESSIONDB_BACKEND", "postgres", "MINSKY_SESSIONDB_POSTGRES_URL", "postgresql://m:pw@h/minsky"), home);
        assertThat(selected.locator().format()).isEqualTo(StoreFormat.POSTGRESQL);
        assertThat(selected.locator().display()).doesNotContain("pw");
    }

    @Test
    void readsTheNearestProjectConfigBeforeTheGlobalOne() throws Exception {
        Path project = home.resolve("work/minsky");
        Files.createDirectories(project.resolve(".minsky"));
        Files.writeString(project.resolve(".minsky/config.yaml"), "sessiondb:\n  backend: sqlite\n  sqlite:\n    path: ~/project.db\n");
        Files.createDirectories(home.resolve(".config/minsky"));
        Files.writeString(home.resolve(".config/minsky/config.yaml"), "sessiondb:\n  backend: json\n");

        var selected = select(Map.of(), project.resolve("src"));

        assertThat(selected.locator().target()).isEqualTo(home.resolve("project.db").toString());
        assertThat(selected.reason()).endsWith(".minsky/config.yaml");
    }

    @Test
    void fallsBackToMinskysStateDirStoreThenToTheEmbeddedOne() throws Exception {
        assertThat(select(Map.of(), home).locator().target())
                .isEqualTo(home.resolve(".local/share/sessiondb-admin/sessions.db").toString());

        Path state = home.resolve(".local/state/minsky");
        Files.createDirectories(state);
        Files.writeString(state.resolve("session-db.json"), "[]");

        var selected = select(Map.of(), home);
        assertThat(selected.locator().format()).isEqualTo(StoreFormat.JSON);
        assertThat(selected.reason()).isEqualTo("Minsky's state directory");
    }

    @Test
    void honoursXdgStateHome() throws Exception {
        Path state = home.resolve("xdg-state/minsky");
        Files.createDirectories(state);
        Files.writeString(state.resolve("session-db.json"), "[]");
        var selected = select(Map.of("XDG_STATE_HOME", home.resolve("xdg-state").toString()), home);
        assertThat(selected.locator().target()).isEqualTo(state.resolve("session-db.json").toString());
    }
}
