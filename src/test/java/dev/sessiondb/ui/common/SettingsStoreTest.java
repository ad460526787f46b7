package dev.sessiondb.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {

    @TempDir
    Path directory;

    @Test
    void settingsSurviveARestart() {
        Path file = directory.resolve("config/settings.json");
        new SettingsStore(file).update(settings -> settings.withSavedStores(List.of("json:/a.json")).withTheme(Theme.DARK).withWindowSize(900, 700));

        AppSettings read = new SettingsStore(file).get();

        assertThat(read.savedStores()).containsExactly("json:/a.json");
        assertThat(read.theme()).isEqualTo("dark");
        assertThat(read.windowWidth()).isEqualTo(900);
    }

    @Test
    void noSettingsFileMeansDefaults() {
        assertThat(new SettingsStore(directory.resolve("none.json")).get()).isEqualTo(AppSettings.defaults());
    }

    @Test
    void anUnreadableSettingsFileIsMovedAsideNotOverwritten() throws Exception {
        Path file = directory.resolve("settings.json");
        Files.writeString(file, "{ not json");

        SettingsStore store = new SettingsStore(file);
        store.update(settings -> settings.withTheme(Theme.DARK));

        try (var files = Files.list(directory)) {
            Path aside = files.filter(path -> path.getFileName().toString().startsWith("settings.json.unreadable-")).findFirst().orElseThrow();
            assertThat(Files.readString(aside)).isEqualTo("{ not json");
        }
    }

    @Test
    void theRecentListPutsTheNewestFirstWithoutRepeatsAndStaysShort() {
        AppSettings settings = AppSettings.defaults();
        for (int i = 0; i < 12; i++) {
            settings = settings.withRecent("json:/" + i + ".json");
        }
        settings = settings.withRecent("json:/5.json");

        assertThat(settings.recentStores()).hasSize(AppSettings.RECENT_LIMIT).startsWith("json:/5.json", "json:/11.json")
                .doesNotHaveDuplicates();
    }
}
