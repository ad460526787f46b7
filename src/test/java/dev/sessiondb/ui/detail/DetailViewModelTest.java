package dev.sessiondb.ui.detail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.model.SessionDocument;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.ui.TestStores;
import dev.sessiondb.ui.ViewModelFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.beans.property.StringProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DetailViewModelTest extends ViewModelFixture {

    private DetailViewModel viewModel;

    @BeforeEach
    void openFixture() {
        viewModel = new DetailViewModel(current, executor, dialogs, undo, journal());
        undo.onChange(command -> current.changed());
        current.show(TestStores.openFixtureCopy(directory));
    }

    @AfterEach
    void close() {
        current.close();
    }

    @Test
    void selectingASessionShowsEveryFieldInOrder() {
        current.selectedKeyProperty().set("task#002");

        assertThat(viewModel.titleProperty().get()).isEqualTo("task#002");
        assertThat(viewModel.fields()).extracting(FieldNode::name)
                .containsExactlyElementsOf(current.store().get("task#002").orElseThrow().fieldNames());
    }

    @Test
    void nestedObjectsBecomeSubtreesAndUnknownFieldsAreMarked() {
        SessionRecord sample = SampleSessions.minskyList(40, 3).stream()
                .filter(record -> record.pullRequest().isPresent() && !record.unknownFields().isEmpty()).findFirst().orElseThrow();
        current.store().put(sample);
        current.selectedKeyProperty().set(sample.key());

        FieldNode pullRequest = viewModel.fields().stream().filter(node -> node.name().equals("pullRequest")).findFirst().orElseThrow();
        assertThat(pullRequest.children()).extracting(FieldNode::name).contains("number", "url", "github");
        assertThat(viewModel.fields()).filteredOn(FieldNode::unknown).extracting(FieldNode::name).containsExactly("agentNotes");
    }

    @Test
    void secretsAreMaskedInTheTree() {
        SessionRecord withToken = current.store().get("task#002").orElseThrow()
                .with("github", new ObjectMapper().createObjectNode().put("token", "ghp_abcdefghijklmnopqrstuvwxyz0123"));
        current.store().put(withToken);
        current.selectedKeyProperty().set("task#002");

        FieldNode github = viewModel.fields().stream().filter(node -> node.name().equals("github")).findFirst().orElseThrow();
        assertThat(github.children().get(0).value()).isEqualTo("****0123");
    }

    @Test
    void aSavedEditIsWrittenAndUndoPutsTheRecordBack() {
        current.selectedKeyProperty().set("task#002");
        SessionRecord before = current.store().get("task#002").orElseThrow();

        viewModel.startEditing();
        formField("branch").set("renamed-branch");
        viewModel.save();

        assertThat(current.store().get("task#002").orElseThrow().branch()).contains("renamed-branch");
        assertThat(viewModel.editingProperty().get()).isFalse();
        assertThat(journal().list()).singleElement()
                .satisfies(backup -> assertThat(backup.reason()).isEqualTo("edit of task#002"));
        undo.undo();
        assertThat(current.store().get("task#002").orElseThrow()).isEqualTo(before);
    }

    @Test
    void aDateThatDoesNotParseKeepsTheFormOpenAndSavesNothing() {
        current.selectedKeyProperty().set("task#002");
        SessionRecord before = current.store().get("task#002").orElseThrow();

        viewModel.startEditing();
        formField("createdAt").set("next tuesday");
        viewModel.save();

        assertThat(viewModel.problemsProperty().get()).startsWith("createdAt: 'next tuesday' is not a date");
        assertThat(viewModel.editingProperty().get()).isTrue();
        assertThat(current.store().get("task#002").orElseThrow()).isEqualTo(before);
    }

    @Test
    void theDeleteQuestionNamesAKeyWithItsSecretMaskedAsTheTitleDoes() {
        current.store().put(current.store().get("task#002").orElseThrow().with("session", "sess-password=hunter2"));
        current.selectedKeyProperty().set("sess-password=hunter2");

        dialogs.answer(false);
        viewModel.delete();

        assertThat(dialogs.confirmations()).singleElement().asString().startsWith("Delete session sess-password=****?").doesNotContain("hunter2");
    }

    /** The secrets audit: the export's save dialog offered a file name holding the session's secret ("sess-password_hunter2.json"). */
    @Test
    void theExportOffersAFileNameWithTheSessionsSecretMasked() {
        current.store().put(current.store().get("task#002").orElseThrow().with("session", "sess-password=hunter2"));
        current.selectedKeyProperty().set("sess-password=hunter2");

        dialogs.answer(null);
        viewModel.export(SessionDocument.Format.JSON);

        assertThat(dialogs.suggestedFileNames()).singleElement().asString().startsWith("sess-password").endsWith(".json").doesNotContain("hunter2");
    }

    @Test
    void deletingAsksFirstAndUndoBringsTheSessionBack() {
        current.selectedKeyProperty().set("task#002");
        SessionStore store = current.store();
        SessionRecord before = store.get("task#002").orElseThrow();

        dialogs.answer(false);
        viewModel.delete();
        assertThat(store.get("task#002")).isPresent();

        dialogs.answer(true);
        viewModel.delete();
        assertThat(store.get("task#002")).isEmpty();
        assertThat(viewModel.selectedProperty().get()).isFalse();

        undo.undo();
        assertThat(store.get("task#002")).contains(before);
    }

    @Test
    void aChatSessionShowsItsConversation() {
        current.store().put(SampleSessions.chatRecord(4));
        current.selectedKeyProperty().set("chat-000004");

        assertThat(viewModel.messages()).extracting(DetailViewModel.MessageLine::role).containsExactly("system", "user", "assistant");
    }

    @Test
    void aChatSessionsSubtitleNamesItsTenantAndUserAndCountsItsMessages() {
        current.store().put(SampleSessions.chatRecord(4));
        current.store().put(SampleSessions.chatRecord(5));

        current.selectedKeyProperty().set("chat-000004");
        assertThat(viewModel.subtitleProperty().get()).isEqualTo("tenant tenant-1 · user user-4 · 3 messages");
        current.selectedKeyProperty().set("chat-000005");
        assertThat(viewModel.subtitleProperty().get()).isEqualTo("tenant tenant-2 · no user · 3 messages");
    }

    @Test
    void aMagellaiSessionsSubtitleNamesItAndItsModelAndCountsItsMessages() {
        SessionRecord magellai = SampleSessions.magellaiRecord(2);
        current.store().put(magellai);

        current.selectedKeyProperty().set(magellai.key());

        assertThat(viewModel.subtitleProperty().get()).isEqualTo("Session 2 · model gpt-4o · 3 messages");
    }

    @Test
    void aMinskySessionsSubtitleStillNamesItsRepositoryAndTask() {
        current.selectedKeyProperty().set("task#002");

        assertThat(viewModel.subtitleProperty().get()).isEqualTo("local/minsky · task #002 · 7 fields");
    }

    /** The subtitle named a Minsky session's repository and status whole: a password in the one, a token in the other. */
    @Test
    void aMinskySessionsSubtitleShowsItsRepositoryAndStatusWithSecretsMasked() throws Exception {
        current.store().put(SessionRecord.of((ObjectNode) new ObjectMapper().readTree(
                "{\"session\":\"s-secret\",\"repoName\":\"https://bob:RepoPw1@github.com/x\",\"status\":\"token=StatusTok2\"}")));

        current.selectedKeyProperty().set("s-secret");

        assertThat(viewModel.subtitleProperty().get()).isEqualTo("https://bob:****@github.com/x · token=**** · 3 fields");
    }

    private StringProperty formField(String name) {
        return viewModel.form().stream().filter(field -> field.field().name().equals(name)).findFirst().orElseThrow().text();
    }

    @Test
    void exportingTheSessionOntoItsOwnStoreIsRefusedAndTheStoreSurvivesByteForByte() throws Exception {
        Path store = current.store().locator().path();
        byte[] before = Files.readAllBytes(store);
        current.selectedKeyProperty().set("task#079");
        dialogs.answer(store);

        viewModel.export(SessionDocument.Format.JSON);

        assertThat(dialogs.errors()).singleElement().asString()
                .contains(store + " is the store being exported from", "nothing was written; choose another file");
        assertThat(Files.readAllBytes(store)).isEqualTo(before);
    }
}
