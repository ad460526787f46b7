package dev.sessiondb.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessiondb.model.SessionField;
import dev.sessiondb.model.SessionKind;
import dev.sessiondb.model.SessionRecord;
import java.util.List;
import java.util.function.Consumer;

/** A check of the value each of some of Minsky's fields holds, in Minsky's sessions only; cheap enough for the reading thread. */
abstract class MinskyFieldCheck implements Check {

    private final List<SessionField> fields;

    MinskyFieldCheck(List<SessionField> fields) {
        this.fields = List.copyOf(fields);
    }

    /** One field's value, not null. */
    abstract void inspect(SessionRecord record, SessionField field, JsonNode value, Consumer<Finding> findings);

    @Override
    public final boolean inspectsOnReadingThread() {
        return true;
    }

    @Override
    public final void inspect(SessionRecord record, Consumer<Finding> findings) {
        if (SessionKind.of(record) != SessionKind.MINSKY) {
            return;
        }
        for (SessionField field : fields) {
            record.field(field.jsonName()).filter(value -> !value.isNull()).ifPresent(value -> inspect(record, field, value, findings));
        }
    }
}
