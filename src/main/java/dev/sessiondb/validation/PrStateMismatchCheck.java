package dev.sessiondb.validation;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sessiondb.model.SessionRecord;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A session whose pull-request fields contradict each other: the status against the synced
 * pull request, a merge date on an open pull request, and branch names that disagree. The
 * pull request synced from the forge is taken as the truth; repair sets the status from it.
 */
final class PrStateMismatchCheck implements Check {

    private static final JsonPointer PR_STATE = JsonPointer.compile("/pullRequest/state");
    private static final JsonPointer PR_STATE_MERGED_AT = JsonPointer.compile("/prState/mergedAt");
    private static final JsonPointer PULL_REQUEST_MERGED_AT = JsonPointer.compile("/pullRequest/mergedAt");
    /** Where else a session's pull request branch is kept. */
    private static final List<JsonPointer> OTHER_BRANCHES = List.of(JsonPointer.compile("/prState/branchName"),
            JsonPointer.compile("/pullRequest/headBranch"));
    private static final Map<String, String> STATUS_FOR_PR_STATE = Map.of("merged", "MERGED", "closed", "CLOSED", "open", "PR_OPEN", "draft", "PR_OPEN");

    @Override
    public String name() {
        return "pr-state-mismatch";
    }

    @Override
    public boolean inspectsOnReadingThread() {
        return true;
    }

    @Override
    public void inspect(SessionRecord record, Consumer<Finding> findings) {
        Optional<String> prState = text(record.at(PR_STATE)).map(state -> state.toLowerCase(Locale.ROOT));
        Optional<String> status = record.status();
        if (prState.isPresent() && status.isPresent() && STATUS_FOR_PR_STATE.containsKey(prState.get())) {
            String expected = STATUS_FOR_PR_STATE.get(prState.get());
            boolean approvedOpen = expected.equals("PR_OPEN") && status.get().equals("PR_APPROVED");
            if (!expected.equals(status.get()) && !approvedOpen) {
                findings.accept(Finding.repairable(this, Severity.WARNING, record.key(),
                        "status is " + status.get() + " but the pull request is " + prState.get(),
                        "set status to " + expected + " (from the synced pull request)", List.of(FieldEdit.set("status", expected))));
            }
        }
        if (prState.filter(state -> state.equals("open") || state.equals("draft")).isPresent()
                && (text(record.at(PR_STATE_MERGED_AT)).isPresent() || text(record.at(PULL_REQUEST_MERGED_AT)).isPresent())) {
            findings.accept(Finding.of(this, Severity.WARNING, record.key(), "the pull request is " + prState.get() + " but has a merge date",
                    "sync the session's pull request (minsky session pr) to read its real state"));
        }
        Optional<String> prBranch = record.field("prBranch").flatMap(PrStateMismatchCheck::text);
        for (JsonPointer pointer : OTHER_BRANCHES) {
            String path = pointer.toString();
            Optional<String> other = text(record.at(pointer));
            if (prBranch.isPresent() && other.isPresent() && !prBranch.get().equals(other.get())) {
                findings.accept(Finding.of(this, Severity.WARNING, record.key(),
                        "prBranch '" + prBranch.get() + "' differs from " + path.substring(1).replace('/', '.') + " '" + other.get() + "'",
                        "check which branch holds the pull request and set prBranch to it"));
            }
        }
    }

    private static Optional<String> text(JsonNode value) {
        return value.isValueNode() && !value.isNull() && !value.asText().isBlank() ? Optional.of(value.asText()) : Optional.empty();
    }
}
