package dev.sessiondb.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessiondb.model.FieldType;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.SecretMasker;
import dev.sessiondb.model.SessionField;
import dev.sessiondb.model.SessionRecord;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * A Minsky field that holds a JSON object (or, for {@code messages}, an array) holding something else: in a SQL store
 * such a field is a JSON-encoded column, and a cell that is not valid JSON ({@code {not json}, edited by hand or cut
 * off) reads as the text it holds; Minsky's JSON.parse of it fails, and the session's pull request is lost to it.
 */
final class MalformedFieldCheck extends MinskyFieldCheck {

    private static final int SHOWN = 40;

    MalformedFieldCheck() {
        super(Arrays.stream(SessionField.values()).filter(field -> field.type() == FieldType.JSON).toList());
    }

    @Override
    public String name() {
        return "malformed-field";
    }

    @Override
    void inspect(SessionRecord record, SessionField field, JsonNode value, Consumer<Finding> findings) {
        String name = field.jsonName();
        boolean array = field == SessionField.MESSAGES;
        if (array ? !value.isArray() : !value.isObject()) {
            findings.accept(Finding.of(this, Severity.ERROR, record.key(), name + " is " + shown(name, value) + ", not "
                    + (array ? "an array" : "an object") + (value.isTextual() ? " (in a SQL store: a cell that is not valid JSON)" : ""),
                    "write " + name + " as JSON by hand, or remove it"));
        }
    }

    /** The value as a finding shows it: its type, or the text it holds (secrets masked, cut to {@value #SHOWN} characters). */
    static String shown(String name, JsonNode value) {
        if (!value.isTextual()) {
            return JsonCodec.describeType(value);
        }
        String text = SecretMasker.maskText(name, value.textValue());
        return "the text '" + (text.length() > SHOWN ? text.substring(0, SHOWN) + "…" : text) + "'";
    }
}
