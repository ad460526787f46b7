package dev.sessiondb.ui.stores;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.Fixtures;
import dev.sessiondb.store.selection.MinskyPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreDiscoveryTest {

    @TempDir
    Path home;

    @Test
    void minskysStateDirectoryStoreIsFoundOnce() throws Exception {
        Path state = Files.createDirectories(home.resolve(".local/state/minsky"));
        Files.move(Fixtures.copy(Fixtures.MINSKY_ARRAY, state), state.resolve("session-db.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        var found = new StoreDiscovery(new MinskyPaths(Map.of(), home), home).discover();

        assertThat(found).singleElement().satisfies(entry -> {
            assertThat(entry.title()).isEqualTo("session-db.json");
            assertThat(entry.detail()).isEqualTo("json · selected by Minsky's state directory");
        });
    }

    @Test
    void anEmptyHomeHasNoStores() {
        assertThat(new StoreDiscovery(new MinskyPaths(Map.of(), home), home).discover()).isEmpty();
    }
}
