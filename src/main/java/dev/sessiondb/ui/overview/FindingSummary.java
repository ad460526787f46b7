package dev.sessiondb.ui.overview;

import dev.sessiondb.model.SecretMasker;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.validation.Checks;
import dev.sessiondb.validation.Finding;
import dev.sessiondb.validation.Severity;
import dev.sessiondb.validation.ValidationContext;
import dev.sessiondb.validation.Validator;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The validation engine's findings for a store, one line per check: how many, how bad, and the
 * first finding as an example. Findings are counted as they stream by, never all kept.
 *
 * @param example the first finding's session and message, masked as the tables show them
 * @param exampleSession the session of the first finding, empty for store-wide findings
 */
public record FindingSummary(String check, Severity severity, long count, String example, String exampleSession) {

    /** Runs every check over the store; the worst checks first, then the most frequent. */
    public static List<FindingSummary> of(SessionStore store, ProgressMonitor monitor) {
        Map<String, FindingSummary> byCheck = new LinkedHashMap<>();
        SessionStore read = Checks.readBy(List.of(), store);
        new Validator(Checks.create(List.of(), ValidationContext.of(read, List.of()))).run(read, finding -> byCheck.merge(finding.check(),
                new FindingSummary(finding.check(), finding.severity(), 1, example(finding),
                        finding.session() == null ? "" : finding.session()),
                (seen, next) -> new FindingSummary(seen.check(), worse(seen.severity(), next.severity()), seen.count() + 1, seen.example(),
                        seen.exampleSession())), monitor);
        return byCheck.values().stream()
                .sorted(Comparator.comparing(FindingSummary::severity).thenComparing(Comparator.comparingLong(FindingSummary::count).reversed()))
                .toList();
    }

    /** "warning · Task id written in another form (task-id-form) · 93 findings" */
    public String headline() {
        return String.format("%s · %s · %,d finding%s", severity.id(), Checks.labelAndName(check), count, count == 1 ? "" : "s");
    }

    private static String example(Finding finding) {
        String message = SecretMasker.maskText(null, finding.message()); // it may quote a value, as a status holding a token
        return finding.session() == null || finding.session().isEmpty() ? message : SecretMasker.shownKey(finding.session()) + ": " + message;
    }

    private static Severity worse(Severity one, Severity other) {
        return one.compareTo(other) <= 0 ? one : other;
    }
}
