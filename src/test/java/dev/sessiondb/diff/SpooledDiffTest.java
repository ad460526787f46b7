package dev.sessiondb.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.sessiondb.model.JsonCodec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The changed sessions read back the same whether they stayed in memory or spilled to the temp file part way. */
class SpooledDiffTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** A value as a store's record gives it (numbers as the codec reads them), as the temp file reads it back. */
    private static JsonNode parsed(String json) {
        try {
            return JsonCodec.parse(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<SessionChange> changes() {
        List<SessionChange> changes = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            changes.add(new SessionChange("task-md#" + i, List.of(
                    new FieldChange("branch", NODES.textNode("main-" + i), NODES.textNode("changed-" + i)),
                    // a JSON null on one side, absent on the other: both kept as they were
                    new FieldChange("pullRequest", NullNode.getInstance(), null),
                    new FieldChange("github.token", NODES.textNode("ghp_" + "a".repeat(36)), parsed("{\"n\":1.5}")))));
        }
        return changes;
    }

    private static List<SessionChange> replayed(SpooledDiff spooled) {
        List<SessionChange> read = new ArrayList<>();
        spooled.forEachChanged(read::add);
        return read;
    }

    @Test
    void changesHeldInMemoryAndChangesSpilledReadBackAlikeMaskedAndInOrder() {
        try (SpooledDiff held = new SpooledDiff(); SpooledDiff spilled = new SpooledDiff(2_000)) {
            for (SessionChange change : changes()) {
                held.changed(change);
                spilled.changed(change);
            }

            List<SessionChange> fromMemory = replayed(held);
            List<SessionChange> fromFile = replayed(spilled);

            assertThat(fromMemory).hasSize(50).isEqualTo(fromFile);
            assertThat(fromMemory).extracting(SessionChange::session).startsWith("task-md#0", "task-md#1").endsWith("task-md#49");
            SessionChange first = fromMemory.get(0);
            assertThat(first.fields().get(1).a()).isEqualTo(NullNode.getInstance());
            assertThat(first.fields().get(1).b()).isNull();
            assertThat(first.fields().get(2).a().asText()).doesNotContain("ghp_" + "a".repeat(36));
            // a second replay reads the same again
            assertThat(replayed(spilled)).isEqualTo(fromFile);
        }
    }
}
