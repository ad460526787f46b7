package dev.sessiondb.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessiondb.model.FieldType;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.SessionField;
import dev.sessiondb.model.SessionRecord;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A Minsky field whose value is not of the type Minsky's format gives it (docs formats.md): {@code commitCount} a whole
 * number, {@code prApproved} a boolean, the text fields text, {@code status} one of Minsky's statuses. Minsky cannot read
 * such a value, and a SQL column of the field's type cannot hold it. Where the value can only mean one thing (the text
 * {@code "12"} for 12, {@code "true"} for true, the number 79 for the text "79") repair writes that; anything else needs a person.
 */
final class FieldTypeCheck extends MinskyFieldCheck {

    private static final Set<String> STATUSES = Set.of("CREATED", "ACTIVE", "PR_OPEN", "PR_APPROVED", "MERGED", "CLOSED");

    FieldTypeCheck() {
        super(Arrays.stream(SessionField.values()).filter(field -> field != SessionField.SESSION
                && (field.type() == FieldType.INTEGER || field.type() == FieldType.BOOLEAN || field.type() == FieldType.TEXT)).toList());
    }

    @Override
    public String name() {
        return "field-type";
    }

    @Override
    void inspect(SessionRecord record, SessionField field, JsonNode value, Consumer<Finding> findings) {
        String name = field.jsonName();
        if (field == SessionField.STATUS && value.isTextual() && !STATUSES.contains(value.textValue())) {
            findings.accept(Finding.of(this, Severity.WARNING, record.key(), "status '" + value.textValue() + "' is not one of Minsky's statuses ("
                    + String.join(", ", STATUSES.stream().sorted().toList()) + ")", "set status to the one the session is in, or remove it"));
            return;
        }
        String expected = switch (field.type()) {
            case INTEGER -> value.isIntegralNumber() && value.canConvertToLong() ? null : "a whole number";
            case BOOLEAN -> value.isBoolean() ? null : "true or false";
            default -> value.isTextual() ? null : "text";
        };
        if (expected == null) {
            return;
        }
        String message = name + " is " + shown(name, value) + ", not " + expected + " as Minsky writes it";
        Optional<JsonNode> meant = field.type().meantBy(value);
        if (meant.isPresent()) {
            findings.accept(Finding.repairable(this, Severity.ERROR, record.key(), message, "rewrite it as " + JsonCodec.compact(meant.get()),
                    List.of(new FieldEdit(name, meant.get()))));
        } else {
            findings.accept(Finding.of(this, Severity.ERROR, record.key(), message, "set " + name + " to " + expected + " by hand, or remove it"));
        }
    }

    private static String shown(String name, JsonNode value) {
        return value.isValueNode() && !value.isTextual() ? JsonCodec.describeType(value) + " " + value.asText() : MalformedFieldCheck.shown(name, value);
    }
}
