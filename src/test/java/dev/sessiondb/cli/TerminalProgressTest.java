package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.JavaProcess;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.job.StoreContents;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job run at a terminal draws its bar on stderr; with stderr sent to a file (an audit: {@code 2>err} at a terminal)
 * the file got every frame, carriage returns and colour codes. The terminal is a real one: the command runs under
 * {@code script}, which gives it a pseudo-terminal.
 */
class TerminalProgressTest {

    @TempDir
    Path dir;

    @Test
    void aBarIsDrawnAtATerminalAndNotIntoStderrSentToAFile() throws Exception {
        String source = StoreContents.create("json:" + dir.resolve("s.json"), SampleSessions.minskyList(2_000, 3)).display();

        String atTerminal = underTerminal(List.of("migrate", source, "sqlite:" + dir.resolve("a.db")), "");
        Path err = dir.resolve("err.txt");
        String redirected = underTerminal(List.of("migrate", source, "sqlite:" + dir.resolve("b.db")), " 2>" + quoted(err.toString()));

        assertThat(atTerminal).contains("records").contains("\r");
        assertThat(redirected).contains("Done.");
        assertThat(Files.readString(err)).doesNotContain("\r").doesNotContain("\u001b[").doesNotContain("records/s");
    }

    /** With --format json stderr holds JSON lines only, at a terminal too: no bar's frames among them. */
    @Test
    void noBarIsDrawnAtATerminalInJsonMode() throws Exception {
        String source = StoreContents.create("json:" + dir.resolve("s.json"), SampleSessions.minskyList(2_000, 3)).display();

        String atTerminal = underTerminal(List.of("migrate", source, "sqlite:" + dir.resolve("a.db"), "--format", "json"), "");

        assertThat(atTerminal).contains("\"job\": \"migrate\"").doesNotContain("\u001b[").doesNotContain("records/s").doesNotContain("writing target");
    }

    /** What the command printed to the pseudo-terminal {@code script} gives it, with {@code redirect} appended to its shell line. */
    private String underTerminal(List<String> args, String redirect) throws Exception {
        List<String> java = JavaProcess.ofApp(args.toArray(String[]::new)).command();
        String line = java.stream().map(TerminalProgressTest::quoted).collect(Collectors.joining(" ")) + redirect;
        ProcessBuilder builder = new ProcessBuilder("script", "-qec", line, "/dev/null").redirectErrorStream(true);
        Path home = dir.resolve("home");
        builder.environment().put("HOME", home.toString());
        builder.environment().put("XDG_DATA_HOME", home.resolve("data").toString());
        builder.environment().put("XDG_STATE_HOME", home.resolve("state").toString());
        builder.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
        Process script = builder.start();
        byte[] output = script.getInputStream().readAllBytes();
        assertThat(script.waitFor(2, TimeUnit.MINUTES)).isTrue();
        String printed = new String(output);
        assertThat(script.exitValue()).as(printed).isZero();
        return printed;
    }

    private static String quoted(String argument) {
        return "'" + argument.replace("'", "'\\''") + "'";
    }
}
