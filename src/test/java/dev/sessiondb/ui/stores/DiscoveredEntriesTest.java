package dev.sessiondb.ui.stores;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.Fixtures;
import dev.sessiondb.discovery.StoreDiscovery;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.selection.MinskyPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiscoveredEntriesTest {

    @TempDir
    Path home;

    @Test
    void minskysStoreIsListedWithWhereItWasFoundAndItsSize() throws Exception {
        Path state = Files.createDirectories(home.resolve(".local/state/minsky"));
        Files.move(Fixtures.copy(Fixtures.MINSKY_ARRAY, state), state.resolve("session-db.json"), StandardCopyOption.REPLACE_EXISTING);

        List<StoreEntry> entries = DiscoveredEntries.of(new StoreDiscovery(new MinskyPaths(Map.of(), home), List.of()).discover(ProgressMonitor.NONE));

        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.title()).isEqualTo("session-db.json");
            assertThat(entry.detail()).isEqualTo("json · Minsky's state directory · 217 sessions");
        });
    }

    @Test
    void aStoreThatCannotBeOpenedSaysWhy() throws Exception {
        Path state = Files.createDirectories(home.resolve(".local/state/minsky"));
        Files.writeString(state.resolve("session-db.json"), "{ broken");

        List<StoreEntry> entries = DiscoveredEntries.of(new StoreDiscovery(new MinskyPaths(Map.of(), home), List.of()).discover(ProgressMonitor.NONE));

        assertThat(entries).singleElement().satisfies(entry -> assertThat(entry.detail()).startsWith("json · Minsky's state directory · cannot open: "));
    }
}
