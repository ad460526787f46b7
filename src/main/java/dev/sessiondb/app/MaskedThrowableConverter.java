package dev.sessiondb.app;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.sessiondb.model.SecretMasker;

/** A logged stack trace with secrets masked: exception messages often quote a connection URL. */
public final class MaskedThrowableConverter extends ThrowableProxyConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return SecretMasker.maskText(null, super.convert(event));
    }
}
