package dev.sessiondb.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.pattern.DynamicConverter;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;
import ch.qos.logback.core.util.FileSize;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.store.selection.MinskyPaths;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The log (ADR 0012, 0018, 0019), set up in code when the first logger is made: reading the same
 * set-up from XML took about a tenth of a second of every command's start. SessionDB Admin's own
 * lines (INFO and up) and libraries' warnings go to a rolling file in the folder {@link LogFiles}
 * chose, the current file and nine older ones of 10 MB. Libraries' warnings also reach stderr in
 * one line (a command run without its debug option sets {@value #STDERR_LEVEL_PROPERTY} to OFF:
 * its own one-line message says what happened). Messages and stack traces pass through the secret
 * masking. A logback file of the user's ({@code -Dlogback.configurationFile}) or the tests'
 * ({@code logback-test.xml}) is read instead, as logback would.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogConfiguration extends ContextAwareBase implements Configurator {

    public static final String STDERR_LEVEL_PROPERTY = "sessiondb.stderr.level";
    /** Set when the command asked for {@code --format json}: what this says on stderr is then a JSON object on one line. */
    public static final String STDERR_JSON_PROPERTY = "sessiondb.stderr.json";
    static final String FILE_APPENDER = "FILE";

    private static final String FILE_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{36} - %maskedMsg%n%maskedEx";
    private static final String STDERR_PATTERN = "%level %logger{0}: %maskedMsg%n%nopex";
    private static final int OLDER_FILES = 9;
    private static final String FILE_SIZE = "10MB";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null || getClass().getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        shipped(context);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Sets up {@code context} as the app ships it. */
    static void shipped(LoggerContext context) {
        // without a listener logback prints its own status on stdout when something failed (an unwritable
        // log: a dozen lines and a stack trace), where a listing in --format json or csv goes
        context.getStatusManager().add(new NopStatusListener());
        registerMaskingConverters(context);
        Path directory = logDirectory();
        Optional<String> unwritable = LogFiles.whyUnwritable(directory);
        ConsoleAppender<ILoggingEvent> stderr = stderrAppender(context);

        Logger own = context.getLogger("dev.sessiondb");
        own.setLevel(Level.INFO);
        own.setAdditive(false);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(stderr);
        if (unwritable.isPresent()) {
            String warning = "cannot write the log " + directory.resolve(LogFiles.FILE_NAME) + " (" + unwritable.get() + "); continuing without it";
            System.err.println(Boolean.getBoolean(STDERR_JSON_PROPERTY)
                    ? JsonCodec.compact(JsonNodeFactory.instance.objectNode().put("warning", warning)) : "sessiondb: " + warning);
            return;
        }
        RollingFileAppender<ILoggingEvent> file = fileAppender(context, directory);
        own.addAppender(file);
        root.addAppender(file);
    }

    /** The folder {@link LogFiles#prepare} chose; before it ran (a tool without {@code Main}), the app's own. */
    private static Path logDirectory() {
        String chosen = System.getProperty(LogFiles.DIRECTORY_PROPERTY);
        return chosen != null ? Path.of(chosen) : MinskyPaths.ofSystem().appLogDir();
    }

    /** {@code %maskedMsg} and {@code %maskedEx}: the message and the stack trace, secrets masked. */
    private static void registerMaskingConverters(LoggerContext context) {
        @SuppressWarnings("unchecked")
        Map<String, Supplier<DynamicConverter<?>>> rules =
                (Map<String, Supplier<DynamicConverter<?>>>) context.getObject(CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS);
        if (rules == null) {
            rules = new HashMap<>();
            context.putObject(CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS, rules);
        }
        rules.put("maskedMsg", MaskedMessageConverter::new);
        rules.put("maskedEx", MaskedThrowableConverter::new);
    }

    private static RollingFileAppender<ILoggingEvent> fileAppender(LoggerContext context, Path directory) {
        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName(FILE_APPENDER);
        file.setFile(directory.resolve(LogFiles.FILE_NAME).toString());

        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(file);
        rolling.setFileNamePattern(directory.resolve("sessiondb-admin.%i.log").toString());
        rolling.setMinIndex(1);
        rolling.setMaxIndex(OLDER_FILES);
        rolling.start();
        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(context);
        trigger.setMaxFileSize(FileSize.valueOf(FILE_SIZE));
        trigger.start();

        file.setRollingPolicy(rolling);
        file.setTriggeringPolicy(trigger);
        file.setEncoder(encoder(context, FILE_PATTERN));
        file.start();
        return file;
    }

    private static ConsoleAppender<ILoggingEvent> stderrAppender(LoggerContext context) {
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        ThresholdFilter threshold = new ThresholdFilter();
        threshold.setContext(context);
        threshold.setLevel(System.getProperty(STDERR_LEVEL_PROPERTY, "WARN"));
        threshold.start();
        stderr.addFilter(threshold);
        stderr.setEncoder(encoder(context, STDERR_PATTERN));
        stderr.start();
        return stderr;
    }

    private static PatternLayoutEncoder encoder(LoggerContext context, String pattern) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(pattern);
        encoder.start();
        return encoder;
    }
}
