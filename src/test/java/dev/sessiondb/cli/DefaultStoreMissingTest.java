package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.JavaProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pass over the CLI found a bare {@code ls} on a machine with no store saying only ".../sessions.db: no such file". */
class DefaultStoreMissingTest {

    @TempDir
    Path dir;

    @Test
    void aBareLsWithNoStoreSaysItUsedTheDefaultStoreAndHowToNameOne() throws Exception {
        ProcessBuilder builder = JavaProcess.ofApp("ls").redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("MINSKY_") || name.startsWith("XDG_") || name.equals("SESSIONDB_STORE"));
        env.put("HOME", dir.resolve("home").toString());
        builder.directory(Files.createDirectories(dir.resolve("work")).toFile());

        int exitCode = builder.start().waitFor();

        String err = Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8);
        assertThat(exitCode).isEqualTo(2);
        assertThat(err).contains("no store was named, so sqlite:" + dir.resolve("home/.local/share/sessiondb-admin/sessions.db")
                + " was used (default embedded store), and there is no such file", "name the store after the command", "SESSIONDB_STORE");
        assertThat(dir.resolve("home/.local/share/sessiondb-admin/sessions.db")).doesNotExist();
    }
}
