package dev.sessiondb.ui.detail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.model.FieldType;
import dev.sessiondb.model.SecretMasker;
import dev.sessiondb.model.SessionField;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.model.TaskId;
import dev.sessiondb.model.Timestamp;
import dev.sessiondb.validation.MinskyDates;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which fields of a record the edit form offers and how typed text turns back into a record.
 * Text, number and boolean fields are editable, also inside nested objects (one line per field,
 * named by its path as {@code pullRequest.state}); the key, lists and secrets are not (a masked
 * secret must never be written back over the real one).
 */
public final class RecordEdit {

    /** Fields a Minsky record must keep non-empty once it has them. */
    private static final Set<String> REQUIRED = Set.of("repoName", "repoUrl", "createdAt");
    private static final Set<String> DATE_FIELDS = Set.of("created", "updated");

    /**
     * A field in the form, with its current text and whether the user may change it.
     *
     * @param name    the field's path, nested names joined by dots
     * @param path    the names from the record down to the field
     * @param yesNo   the field holds true or false, so the form offers a check box
     */
    public record EditableField(String name, List<String> path, String text, boolean editable, String reason, boolean yesNo) {
        public EditableField {
            path = List.copyOf(path);
        }
    }

    /** The edited record, or the problems that stop it being saved (one line each). */
    public record Result(SessionRecord record, List<String> problems) {
        public boolean isValid() {
            return problems.isEmpty();
        }
    }

    private RecordEdit() {
    }

    public static List<EditableField> fieldsOf(SessionRecord record) {
        ObjectNode fields = record.fields();
        List<String> secrets = SecretMasker.secretPaths(fields);
        List<EditableField> form = new ArrayList<>();
        collect(record, fields, List.of(), secrets, form);
        return form;
    }

    private static void collect(SessionRecord record, JsonNode object, List<String> parent, List<String> secrets, List<EditableField> form) {
        object.fields().forEachRemaining(field -> {
            List<String> path = new ArrayList<>(parent);
            path.add(field.getKey());
            String name = String.join(".", path);
            if (field.getValue().isObject() && field.getValue().size() > 0 && !secrets.contains(name)) {
                collect(record, field.getValue(), path, secrets, form);
            } else {
                form.add(editable(record, name, path, field.getValue(), secrets));
            }
        });
    }

    /** Applies the typed texts (by field name) to the record, checking required fields, dates, numbers and booleans. */
    public static Result apply(SessionRecord original, Map<String, String> texts) {
        ObjectNode fields = original.fields();
        List<String> problems = new ArrayList<>();
        for (EditableField field : fieldsOf(original)) {
            String typed = texts.get(field.name());
            if (!field.editable() || typed == null || typed.equals(field.text())) {
                continue;
            }
            String text = typed.strip();
            ObjectNode holder = fields;
            for (String name : field.path().subList(0, field.path().size() - 1)) {
                holder = (ObjectNode) holder.get(name);
            }
            String last = field.path().get(field.path().size() - 1);
            JsonNode before = holder.get(last);
            if (text.isEmpty() && field.path().size() == 1 && REQUIRED.contains(last)) {
                problems.add(field.name() + ": required; give a value");
            } else if (isDate(last) && !text.isEmpty() && !Timestamp.parse(text).isValid()) {
                problems.add(field.name() + ": '" + text + "' is not a date; write it as 2025-05-16T22:16:33.321Z");
            } else if (isTaskId(field) && !text.isEmpty() && TaskId.parse(text).isEmpty()) {
                problems.add(field.name() + ": '" + text + "' is not a task id; write its number, as 079, #079 or md#079, or leave it empty");
            } else {
                ObjectNode target = holder;
                convert(field.name(), before, inStoreForm(last, text), problems).ifPresent(value -> target.set(last, value));
            }
        }
        return new Result(problems.isEmpty() ? SessionRecord.of(fields) : null, problems);
    }

    private static EditableField editable(SessionRecord record, String name, List<String> path, JsonNode value, List<String> secrets) {
        String text = value.isNull() ? "" : value.isContainerNode() ? value.toString() : value.asText();
        if (path.size() == 1 && SessionRecord.KEY_FIELDS.contains(name) && record.key().equals(value.asText())) {
            return new EditableField(name, path, text, false, "the session key; copy the record to rename it", false);
        }
        if (secrets.stream().anyMatch(secret -> secret.equals(name) || secret.startsWith(name + ".") || secret.startsWith(name + "["))) {
            return new EditableField(name, path, SecretMasker.maskText(path.get(path.size() - 1), value.isContainerNode() ? "****" : text),
                    false, "holds a secret", false);
        }
        if (value.isContainerNode()) {
            return new EditableField(name, path, text, false, "a list; shown in the Fields tab", false);
        }
        return new EditableField(name, path, text, true, "", value.isBoolean());
    }

    private static boolean isTaskId(EditableField field) {
        return field.path().equals(List.of(SessionField.TASK_ID.jsonName()));
    }

    /** A date typed with an offset or another precision is written as the store writes its own (UTC, milliseconds), so validate does not flag it. */
    private static String inStoreForm(String name, String text) {
        if (!isDate(name) || text.isEmpty() || Timestamp.hasPlainUtcShape(text)) {
            return text;
        }
        return MinskyDates.format(Timestamp.parse(text).instant());
    }

    private static boolean isDate(String name) {
        return DATE_FIELDS.contains(name) || SessionField.byJsonName(name).map(field -> field.type() == FieldType.TIMESTAMP).orElse(false);
    }

    private static Optional<JsonNode> convert(String name, JsonNode before, String text, List<String> problems) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        if (before.isBoolean()) {
            if (!text.equals("true") && !text.equals("false")) {
                problems.add(name + ": '" + text + "' is not true or false");
                return Optional.empty();
            }
            return Optional.of(json.booleanNode(Boolean.parseBoolean(text)));
        }
        if (before.isNumber()) {
            try {
                return Optional.of(json.numberNode(new BigDecimal(text)));
            } catch (NumberFormatException notNumber) {
                problems.add(name + ": '" + text + "' is not a number");
                return Optional.empty();
            }
        }
        return Optional.of(text.isEmpty() && before.isNull() ? json.nullNode() : json.textNode(text));
    }
}
