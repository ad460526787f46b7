package dev.sessiondb.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.store.StoreLocator;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SavedStoreListTest {

    @TempDir
    Path dir;

    @Test
    void nothingIsReadUntilLoadAndAChangeBeforeItKeepsTheCatalogsList() {
        SettingsStore settings = new SettingsStore(dir.resolve("settings.json"));
        StoreLocator first = StoreLocator.parse("sqlite:" + dir.resolve("first.db"));
        StoreLocator second = StoreLocator.parse("sqlite:" + dir.resolve("second.db"));
        new SavedStoreList(dir, settings).add(first);

        SavedStoreList unread = new SavedStoreList(dir, settings);
        assertThat(unread.list()).as("before load: the settings file's list").isEmpty();
        unread.add(second);

        assertThat(new SavedStoreList(dir, settings).load()).containsExactly(first.display(), second.display());
        assertThat(unread.list()).containsExactly(first.display(), second.display());
    }
}
