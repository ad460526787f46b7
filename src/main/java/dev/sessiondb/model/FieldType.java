package dev.sessiondb.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Optional;
import java.util.regex.Pattern;

/** How a known session field is typed, which decides how SQL layouts store it. */
public enum FieldType {
    TEXT, TIMESTAMP, BOOLEAN, INTEGER, JSON;

    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d{1,18}");

    /**
     * The one value of this type that a value of another type can only mean: the text {@code "12"} an INTEGER's 12, the
     * text {@code "true"} a BOOLEAN's true, a number a TEXT's digits; empty when it means none, or more than one.
     */
    public Optional<JsonNode> meantBy(JsonNode value) {
        return switch (this) {
            case INTEGER -> value.isTextual() && WHOLE_NUMBER.matcher(value.textValue()).matches()
                    ? Optional.of(LongNode.valueOf(Long.parseLong(value.textValue()))) : Optional.empty();
            case BOOLEAN -> value.isTextual() && (value.textValue().equals("true") || value.textValue().equals("false"))
                    ? Optional.of(BooleanNode.valueOf(Boolean.parseBoolean(value.textValue()))) : Optional.empty();
            case TEXT -> value.isNumber() ? Optional.of(TextNode.valueOf(value.asText())) : Optional.empty();
            default -> Optional.empty();
        };
    }
}
