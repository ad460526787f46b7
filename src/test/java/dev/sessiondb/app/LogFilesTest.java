package dev.sessiondb.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFilesTest {

    @TempDir
    Path directory;

    @AfterEach
    void forget() {
        System.clearProperty(LogFiles.DIRECTORY_PROPERTY);
    }

    @Test
    void theLogFolderAndFileAreTheOwnersOnly() throws Exception {
        Path logs = directory.resolve("state/sessiondb-admin/logs");

        Path file = LogFiles.prepare(logs);

        assertThat(file).isEqualTo(logs.resolve("sessiondb-admin.log")).isEqualTo(LogFiles.current());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(logs))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void anExistingLogIsMadeOwnerOnlyToo() throws Exception {
        Path logs = Files.createDirectories(directory.resolve("logs"));
        Path file = Files.writeString(logs.resolve(LogFiles.FILE_NAME), "older lines\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        LogFiles.prepare(logs);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).isEqualTo("older lines\n");
    }

    @Test
    void theShippedConfigurationKeepsTenFilesOfTenMegabytesInTheLogFolder() throws Exception {
        Path logs = directory.resolve("logs");
        LogFiles.prepare(logs);
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        LogConfiguration.shipped(context);

        context.getLogger("dev.sessiondb.Main").info("one line with ghp_abcdefghijklmnopqrstuvwxyz0123456789");
        context.getLogger("com.zaxxer.hikari").info("a library's line below its warnings");
        RollingFileAppender<?> file = (RollingFileAppender<?>) context.getLogger("dev.sessiondb").getAppender(LogConfiguration.FILE_APPENDER);
        FixedWindowRollingPolicy rolling = (FixedWindowRollingPolicy) file.getRollingPolicy();
        SizeBasedTriggeringPolicy<?> trigger = (SizeBasedTriggeringPolicy<?>) file.getTriggeringPolicy();
        context.stop();

        assertThat(Files.readString(logs.resolve(LogFiles.FILE_NAME))).contains("INFO  [main] dev.sessiondb.Main - one line with ****6789")
                .doesNotContain("ghp_abcdefghijklmnopqrstuvwxyz0123456789", "a library's line");
        assertThat(rolling.getFileNamePattern()).isEqualTo(logs.resolve("sessiondb-admin.%i.log").toString());
        assertThat(rolling.getMaxIndex() - rolling.getMinIndex() + 2).as("files, the current one included").isEqualTo(10);
        assertThat(trigger.getMaxFileSize().getSize()).isEqualTo(10L * 1024 * 1024);
    }

    @Test
    void logLinesAndStackTracesHaveTheirSecretsMasked() {
        LoggerContext context = new LoggerContext();
        LoggingEvent event = new LoggingEvent("test", context.getLogger("test"), Level.ERROR,
                "cannot open postgresql://admin:hunter2secret@db.example/sessions with token {}",
                new IllegalStateException("refused for ghp_abcdefghijklmnopqrstuvwxyz0123456789"),
                new Object[] {"ghp_abcdefghijklmnopqrstuvwxyz0123456789"});
        MaskedMessageConverter message = new MaskedMessageConverter();
        MaskedThrowableConverter trace = new MaskedThrowableConverter();
        trace.setContext(context);
        trace.start();

        String line = message.convert(event) + "\n" + trace.convert(event);

        assertThat(line).contains("postgresql://admin:****@db.example/sessions", "****6789", "IllegalStateException")
                .doesNotContain("hunter2secret", "ghp_abcdefghijklmnopqrstuvwxyz0123456789");
    }

    /** A bad-input audit: logback printed its status and a stack trace on stdout, inside a listing in --format json. */
    @Test
    void anUnwritableLogIsOneLineOnStderrAndNothingOnStdout() throws Exception {
        Path state = Files.writeString(directory.resolve("state"), "a file where the log folder would be");
        Path logs = state.resolve("logs");
        LogFiles.prepare(logs);
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ByteArrayOutputStream warned = new ByteArrayOutputStream();
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(warned, true, StandardCharsets.UTF_8));
            LogConfiguration.shipped(context);
            context.getLogger("dev.sessiondb.Main").info("a line with nowhere to go");
            context.stop();
        } finally {
            System.setOut(out);
            System.setErr(err);
        }

        assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(warned.toString(StandardCharsets.UTF_8)).isEqualTo("sessiondb: cannot write the log " + logs.resolve(LogFiles.FILE_NAME)
                + " (its folder could not be made); continuing without it" + System.lineSeparator());
    }
}
