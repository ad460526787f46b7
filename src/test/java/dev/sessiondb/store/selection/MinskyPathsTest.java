package dev.sessiondb.store.selection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An audit: with {@code HOME} set (a container, a sandbox), {@code ~} must be it, as for libpq and the XDG tools, not the account's home. */
class MinskyPathsTest {

    @Test
    void theHomeIsHomeFirstThenTheAccounts() {
        assertThat(MinskyPaths.userHome(Map.of("HOME", "/tmp/x"))).isEqualTo(Path.of("/tmp/x"));
        assertThat(MinskyPaths.userHome(Map.of("HOME", " "))).isEqualTo(Path.of(System.getProperty("user.home")));
        assertThat(MinskyPaths.userHome(Map.of())).isEqualTo(Path.of(System.getProperty("user.home")));
    }
}
