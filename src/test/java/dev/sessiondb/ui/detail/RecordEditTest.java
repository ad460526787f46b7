package dev.sessiondb.ui.detail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.model.SessionRecord;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordEditTest {

    private final SessionRecord record = SessionRecord.of(JsonNodeFactory.instance.objectNode()
            .put("session", "task#7").put("repoName", "local/minsky").put("createdAt", "2025-05-16T22:16:33.321Z").put("taskId", "md#7")
            .put("commitCount", 3).put("prApproved", false)
            .set("github", JsonNodeFactory.instance.objectNode().put("owner", "edobry").put("token", "ghp_abcdefghijklmnopqrstuvwxyz0123")));

    @Test
    void theKeyAndSecretsAreNotEditableButNestedFieldsAre() {
        assertThat(RecordEdit.fieldsOf(record)).filteredOn(field -> !field.editable())
                .extracting(RecordEdit.EditableField::name).containsExactly("session", "github.token");
        assertThat(RecordEdit.fieldsOf(record)).filteredOn(RecordEdit.EditableField::editable)
                .extracting(RecordEdit.EditableField::name).contains("github.owner").doesNotContain("github");
    }

    @Test
    void aNestedFieldIsEditedInPlaceAndBooleansAreOfferedAsYesOrNo() {
        RecordEdit.Result result = RecordEdit.apply(record, Map.of("github.owner", "someone-else"));

        assertThat(result.record().fields().at("/github/owner").asText()).isEqualTo("someone-else");
        assertThat(result.record().fields().at("/github/token").asText()).isEqualTo("ghp_abcdefghijklmnopqrstuvwxyz0123");
        assertThat(RecordEdit.fieldsOf(record)).filteredOn(RecordEdit.EditableField::yesNo)
                .extracting(RecordEdit.EditableField::name).containsExactly("prApproved");
    }

    @Test
    void typedTextKeepsTheFieldsJsonType() {
        RecordEdit.Result result = RecordEdit.apply(record, Map.of("commitCount", "5", "prApproved", "true"));

        ObjectNode fields = result.record().fields();
        assertThat(fields.get("commitCount").isNumber()).isTrue();
        assertThat(fields.get("commitCount").intValue()).isEqualTo(5);
        assertThat(fields.get("prApproved").booleanValue()).isTrue();
    }

    @Test
    void aRequiredFieldCannotBeEmptied() {
        assertThat(RecordEdit.apply(record, Map.of("repoName", " ")).problems()).containsExactly("repoName: required; give a value");
    }

    @Test
    void wrongTypesAreReportedByField() {
        assertThat(RecordEdit.apply(record, Map.of("commitCount", "many", "prApproved", "yes")).problems())
                .containsExactlyInAnyOrder("commitCount: 'many' is not a number", "prApproved: 'yes' is not true or false");
    }

    @Test
    void theSecretSurvivesAnEditOfAnotherField() {
        RecordEdit.Result result = RecordEdit.apply(record, Map.of("repoName", "local-minsky"));

        assertThat(result.record().fields().at("/github/token").asText()).isEqualTo("ghp_abcdefghijklmnopqrstuvwxyz0123");
    }

    @Test
    void aTaskIdThatIsNotATaskIdIsRefusedAndOneInAnyOfItsFormsIsWritten() {
        assertThat(RecordEdit.apply(record, Map.of("taskId", "TASK two!!")).problems())
                .containsExactly("taskId: 'TASK two!!' is not a task id; write its number, as 079, #079 or md#079, or leave it empty");
        for (String taskId : new String[] {"079", "#079", "md#079"}) {
            assertThat(RecordEdit.apply(record, Map.of("taskId", taskId)).record().fields().get("taskId").asText()).isEqualTo(taskId);
        }
    }

    @Test
    void aDateTypedWithAnOffsetIsWrittenInTheStoresUtcFormWithMilliseconds() {
        RecordEdit.Result result = RecordEdit.apply(record, Map.of("createdAt", "2024-04-29T17:01:00+02:00"));

        assertThat(result.problems()).isEmpty();
        assertThat(result.record().fields().get("createdAt").asText()).isEqualTo("2024-04-29T15:01:00.000Z");
    }

    @Test
    void aDateAlreadyInTheStoresFormIsWrittenAsTyped() {
        assertThat(RecordEdit.apply(record, Map.of("createdAt", "2024-04-29T15:01:00Z")).record().fields().get("createdAt").asText())
                .isEqualTo("2024-04-29T15:01:00Z");
    }
}
