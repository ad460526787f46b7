package dev.sessiondb.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.SessionKind;
import dev.sessiondb.model.SessionRecord;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Fields a session's tool cannot work without: {@code repoName}, {@code repoUrl} and {@code createdAt}
 * on Minsky sessions, {@code created} on magellai sessions, {@code tenantId} and {@code createdAt} on a chat
 * server's (its sessions table declares both NOT NULL). A missing repo name is derived
 * from the repo URL by repair; a missing date or tenant needs a person.
 */
final class RequiredFieldCheck implements Check {

    private static final List<String> MINSKY_FIELDS = List.of("repoName", "repoUrl", "createdAt");
    private static final List<String> CHAT_FIELDS = List.of("tenantId", "createdAt");

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
        return switch (SessionKind.of(record)) {
            case MINSKY -> MINSKY_FIELDS;
            case MAGELLAI -> List.of("created");
            case CHAT -> CHAT_FIELDS;
            case OTHER -> List.of();
        };
    }

    private Finding finding(SessionRecord record, String field) {
        String message = "required field '" + field + "' is missing or empty";
        Optional<String> derivedName = field.equals("repoName") ? record.repoUrl().flatMap(RepoNames::fromUrl) : Optional.empty();
        if (derivedName.isPresent()) {
            return Finding.repairable(this, Severity.ERROR, record.key(), message,
                    "set repoName to '" + derivedName.get() + "', derived from repoUrl", List.of(FieldEdit.set("repoName", derivedName.get())));
        }
        return Finding.of(this, Severity.ERROR, record.key(), message, "set " + field + " by hand (" + whatToSet(field) + ")");
    }

    private static String whatToSet(String field) {
        return switch (field) {
            case "createdAt", "created" -> "an ISO-8601 date such as 2025-05-16T22:16:33.321Z";
            case "tenantId" -> "the tenant the chat server keeps the session under";
            default -> "the repository's URL or path";
        };
    }
}
