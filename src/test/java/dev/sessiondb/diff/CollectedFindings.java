package dev.sessiondb.diff;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.model.SessionRecord;
import java.util.ArrayList;
import java.util.List;

/** Every finding of a diff in the order it came, so two ways of diffing the same stores can be compared finding for finding. */
final class CollectedFindings implements DiffListener {

    final List<String> events = new ArrayList<>();

    /** The same record with its fields in reverse order: other text, equal fields. */
    static SessionRecord withFieldsReversed(SessionRecord record) {
        List<String> names = new ArrayList<>();
        record.fields().fieldNames().forEachRemaining(names::add);
        ObjectNode reordered = JsonNodeFactory.instance.objectNode();
        for (int i = names.size() - 1; i >= 0; i--) {
            reordered.set(names.get(i), record.fields().get(names.get(i)));
        }
        return SessionRecord.of(reordered);
    }

    @Override
    public void onlyInA(String session) {
        events.add("A " + session);
    }

    @Override
    public void onlyInB(String session) {
        events.add("B " + session);
    }

    @Override
    public void changed(SessionChange change) {
        events.add("changed " + change.session() + " " + change.fields());
    }
}
