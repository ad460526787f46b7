package dev.sessiondb.job.repair;

import dev.sessiondb.model.SecretMasker;
import java.util.List;

/**
 * A record a repair leaves as it is although fixes were found for it: the store would refuse
 * the fixed record (a NOT NULL column left empty), or its layout holds none of what they set.
 */
public record NotWritten(String session, List<String> checks, String reason) {

    public NotWritten {
        checks = List.copyOf(checks);
    }

    /** One line, session masked: what a plan, a dry run and a report say. */
    public String describe() {
        return "not written: " + SecretMasker.maskText("session", session) + " (" + String.join(", ", checks) + "): " + reason;
    }
}
