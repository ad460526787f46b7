package dev.sessiondb.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.SessionRecord;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecordDiffTest {

    private static SessionRecord record(String json) throws Exception {
        return SessionRecord.of((ObjectNode) JsonCodec.parse(json));
    }

    private static List<String> paths(List<FieldChange> changes) {
        return changes.stream().map(FieldChange::path).toList();
    }

    @Test
    void identicalRecordsHaveNoChanges() throws Exception {
        SessionRecord a = record("{\"session\":\"s\",\"pullRequest\":{\"state\":\"open\",\"commits\":[1,2]}}");
        assertThat(RecordDiff.exact().compare(a, a)).isEmpty();
    }

    @Test
    void changesAreReportedDownNestedObjectsAndArraysByIndex() throws Exception {
        SessionRecord a = record("{\"session\":\"s\",\"pullRequest\":{\"state\":\"open\",\"commits\":[{\"sha\":\"a1\"},{\"sha\":\"b2\"}]}}");
        SessionRecord b = record("{\"session\":\"s\",\"pullRequest\":{\"state\":\"merged\",\"commits\":[{\"sha\":\"a1\"},{\"sha\":\"c3\"},{\"sha\":\"d4\"}]}}");
        List<FieldChange> changes = RecordDiff.exact().compare(a, b);
        assertThat(paths(changes)).containsExactly("pullRequest.state", "pullRequest.commits[1].sha", "pullRequest.commits[2]");
        assertThat(changes.get(0).a().asText()).isEqualTo("open");
        assertThat(changes.get(0).b().asText()).isEqualTo("merged");
        assertThat(changes.get(2).a()).isNull();
        assertThat(changes.get(2).b().path("sha").asText()).isEqualTo("d4");
    }

    @Test
    void fieldsPresentOnOneSideOnlyHaveAnAbsentValueOnTheOther() throws Exception {
        List<FieldChange> changes = RecordDiff.exact().compare(record("{\"session\":\"s\",\"branch\":\"x\"}"), record("{\"session\":\"s\",\"taskId\":\"#1\"}"));
        assertThat(changes).containsExactly(
                new FieldChange("branch", JsonCodec.parse("\"x\""), null),
                new FieldChange("taskId", null, JsonCodec.parse("\"#1\"")));
    }

    @Test
    void numbersCompareByValueAcrossRepresentations() throws Exception {
        assertThat(RecordDiff.exact().compare(record("{\"session\":\"s\",\"depth\":1}"), record("{\"session\":\"s\",\"depth\":1.0}"))).isEmpty();
    }

    @Test
    void ignoredPathsHideTheFieldAndEverythingBelowIt() throws Exception {
        SessionRecord a = record("{\"session\":\"s\",\"github\":{\"token\":\"x\"},\"pullRequest\":{\"state\":\"open\",\"lastSynced\":\"1\"}}");
        SessionRecord b = record("{\"session\":\"s\",\"github\":{\"token\":\"y\"},\"pullRequest\":{\"state\":\"open\",\"lastSynced\":\"2\"}}");
        assertThat(new RecordDiff(Set.of("github", "pullRequest.lastSynced")).compare(a, b)).isEmpty();
    }

    @Test
    void maskedChangesHideSecretsButShowThatTheyChanged() throws Exception {
        SessionRecord a = record("{\"session\":\"s\",\"github\":{\"token\":\"ghp_aaaaaaaaaaaaaaaaaaaaaaaa1111\"}}");
        SessionRecord b = record("{\"session\":\"s\",\"github\":{\"token\":\"ghp_aaaaaaaaaaaaaaaaaaaaaaaa2222\"}}");
        FieldChange change = RecordDiff.exact().compare(a, b).get(0).masked();
        assertThat(change.path()).isEqualTo("github.token");
        assertThat(change.a().asText()).isEqualTo("****1111");
        assertThat(change.b().asText()).isEqualTo("****2222");
        assertThat(change.describe()).isEqualTo("github.token: \"****1111\" -> \"****2222\"");
    }

    /** A password is masked whole, so two of them read the same: the line says that the secret is what differs. */
    @Test
    void aMaskedChangeWhoseSidesReadTheSameSaysSo() throws Exception {
        SessionRecord a = record("{\"session\":\"s\",\"notes\":\"password=hunter2\",\"github\":{\"token\":\"abc\"}}");
        SessionRecord b = record("{\"session\":\"s\",\"notes\":\"password=****\",\"github\":{\"token\":\"xyz\"}}");
        List<FieldChange> changes = RecordDiff.exact().compare(a, b).stream().map(FieldChange::masked).toList();
        assertThat(changes).extracting(FieldChange::describe).containsExactly(
                "notes: \"password=****\" -> \"password=****\" (differs only in the masked secret)",
                "github.token: \"****\" -> \"****\" (differs only in the masked secret)");
        assertThat(RecordDiff.exact().compare(a, b).get(0).hidesItsDifference()).as("unmasked").isFalse();
    }
}
