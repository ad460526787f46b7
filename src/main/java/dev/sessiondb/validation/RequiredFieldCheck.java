package dev.sessiondb.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.SessionKind;
import dev.sessiondb.model.SessionRecord;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Fields Minsky cannot work without: {@code repoName}, {@code repoUrl} and {@code createdAt}
 * on Minsky sessions, {@code created} on magellai sessions. A missing repo name is derived
 * from the repo URL by repair; a missing date needs a person.
 */
final class RequiredFieldCheck implements Check {

    private static final List<String> MINSKY_FIELDS = List.of("repoName", "repoUrl", "createdAt");

    @Override
    public String name() {
        return "required-field";
    }

    @Override
    public boolean inspectsOnReadingThread() {
        return true;
    }

    @Override
    public void inspect(SessionRecord record, Consumer<Finding> findings) {
        for (String field : requiredFields(record)) {
            Optional<JsonNode> value = record.field(field).filter(present -> !present.isNull());
            if (value.filter(JsonNode::isContainerNode).isPresent()) {
                findings.accept(Finding.of(this, Severity.ERROR, record.key(), "required field '" + field + "' is "
                        + JsonCodec.describeType(value.get()) + ", not text", "set " + field + " to text by hand"));
            } else if (value.filter(text -> !text.asText().isBlank()).isEmpty()) {
                findings.accept(finding(record, field));
            }
        }
    }

    /** The required fields {@code record} lacks or leaves blank: a record repair writes must be none this check flags. */
    static List<String> missingFields(SessionRecord record) {
        return requiredFields(record).stream().filter(field -> record.field(field).filter(value -> !value.asText().isBlank()).isEmpty()).toList();
    }

    private static List<String> requiredFields(SessionRecord record) {
        if (SessionKind.of(record) == SessionKind.MAGELLAI) {
            return List.of("created");
        }
        return SessionKind.of(record) == SessionKind.MINSKY ? MINSKY_FIELDS : List.of();
    }

    private Finding finding(SessionRecord record, String field) {
        String message = "required field '" + field + "' is missing or empty";
        Optional<String> derivedName = field.equals("repoName") ? record.repoUrl().flatMap(RepoNames::fromUrl) : Optional.empty();
        if (derivedName.isPresent()) {
            return Finding.repairable(this, Severity.ERROR, record.key(), message,
                    "set repoName to '" + derivedName.get() + "', derived from repoUrl", List.of(FieldEdit.set("repoName", derivedName.get())));
        }
        return Finding.of(this, Severity.ERROR, record.key(), message, "set " + field + " by hand ("
                + (field.equals("createdAt") || field.equals("created") ? "an ISO-8601 date such as 2025-05-16T22:16:33.321Z" : "the repository's URL or path") + ")");
    }
}
