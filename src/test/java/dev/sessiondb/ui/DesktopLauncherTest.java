package dev.sessiondb.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DesktopLauncherTest {

    @Test
    void linuxWithoutADisplayIsOneLineNamingWhatToInstall() {
        assertThat(DesktopLauncher.missingBeforeLaunch(Map.of(), "Linux", "")).get().asString()
                .contains("DISPLAY is not set", "apt-get install xvfb", "sessiondb --help").doesNotContain("\n");
    }

    @Test
    void aDisplayWaylandOrTheVirtualPlatformIsEnough() {
        assertThat(DesktopLauncher.missingBeforeLaunch(Map.of("DISPLAY", ":0"), "Linux", "")).isEmpty();
        assertThat(DesktopLauncher.missingBeforeLaunch(Map.of("WAYLAND_DISPLAY", "wayland-0"), "Linux", "")).isEmpty();
        assertThat(DesktopLauncher.missingBeforeLaunch(Map.of(), "Linux", "Monocle")).isEmpty();
        assertThat(DesktopLauncher.missingBeforeLaunch(Map.of(), "Windows 11", "")).isEmpty();
    }

    @Test
    void glassFailuresBecomeOneLineEach() {
        // the exceptions JavaFX 21's glass throws, as the launcher sees them
        assertThat(DesktopLauncher.explain(new UnsupportedOperationException("Unable to load glass GTK library")))
                .contains("GTK 3", "apt-get install libgtk-3-0").doesNotContain("\n");
        assertThat(DesktopLauncher.explain(new RuntimeException("Application launch exception",
                new UnsupportedOperationException("Unable to open DISPLAY"))))
                .contains("cannot open the display", "xvfb-run").doesNotContain("\n");
        assertThat(DesktopLauncher.explain(new NoClassDefFoundError("com/sun/prism/GraphicsPipeline")))
                .contains("JavaFX runtime").doesNotContain("\n");
    }
}
