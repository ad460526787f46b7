package dev.sessiondb.app;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.sessiondb.model.SecretMasker;

/** The log line's message with secrets (tokens, URL passwords) masked by the one masking function. */
public final class MaskedMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return SecretMasker.maskText(null, super.convert(event));
    }
}
