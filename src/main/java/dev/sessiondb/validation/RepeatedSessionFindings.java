package dev.sessiondb.validation;

import dev.sessiondb.store.RepeatedSessionsException;
import dev.sessiondb.store.RepeatedSessionsException.Repeat;
import java.util.ArrayList;
import java.util.List;

/**
 * What validate reports of a JSON file in which a session repeats, which no command reads as a store: each repeat as a
 * duplicate-session finding with both records and whether they are the same, and that the other checks could not run.
 */
public final class RepeatedSessionFindings {

    private RepeatedSessionFindings() {
    }

    public static List<Finding> of(RepeatedSessionsException repeated) {
        String backup = "after a copy of the file (cp " + repeated.file() + " " + repeated.file() + ".bak)";
        List<Finding> findings = new ArrayList<>();
        for (Repeat repeat : repeated.repeats()) {
            String fix = repeated.byHand().isPresent() ? "compare " + repeat.first() + " with " + repeat.second() + "; " + repeated.byHand().get()
                    : repeat.identical()
                    ? "run sessiondb repair: it removes the repeat, " + repeat.second() + ", after a backup (undo puts it back): " + repeat.first()
                    + " is the same record, so nothing is lost"
                    : "compare " + repeat.first() + " with " + repeat.second() + ", keep the one to keep and delete the other " + backup;
            findings.add(new Finding("duplicate-session", Severity.ERROR, repeat.session(), repeat.describe(), fix, List.of()));
        }
        findings.add(new Finding("duplicate-session", Severity.ERROR, null,
                "the other checks did not run: no command reads a store in which a session repeats",
                "remove the repeats above, then run sessiondb validate again", List.of()));
        return findings;
    }
}
