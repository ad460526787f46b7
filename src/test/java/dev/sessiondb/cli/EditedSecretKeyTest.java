package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.catalog.CatalogRecorder;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.ui.ScriptedDialogService;
import dev.sessiondb.ui.common.CurrentStore;
import dev.sessiondb.ui.common.CurrentThreadTaskExecutor;
import dev.sessiondb.ui.common.UndoStack;
import dev.sessiondb.ui.detail.DetailViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session whose name holds a token, edited and deleted in the window: the job history, the backups' index and the
 * window's own messages name the session masked, as every table does (the audit: "edit of deploy-ghp_..." in full).
 */
class EditedSecretKeyTest {

    private static final String TOKEN_BODY = "KEYTOKENabcdefghijklmnopqrstuvwxyz12";
    private static final String KEY = "deploy-ghp_" + TOKEN_BODY;

    @TempDir
    Path dir;

    private final CurrentStore window = new CurrentStore();

    @AfterEach
    void close() {
        window.close();
    }

    @Test
    void theHistoryAndTheBackupsNameAnEditedSessionMasked() throws Exception {
        Path file = Files.writeString(dir.resolve("keys.json"), "[{\"session\":\"" + KEY
                + "\",\"repoName\":\"r\",\"repoUrl\":\"u\",\"createdAt\":\"2025-05-16T22:16:33.321Z\",\"branch\":\"a\"}]");
        Path journal = dir.resolve("journal");
        CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
        ScriptedDialogService dialogs = new ScriptedDialogService();
        List<String> warnings = new ArrayList<>();
        DetailViewModel detail = new DetailViewModel(window, executor, dialogs, new UndoStack(executor, dialogs),
                CatalogRecorder.journal(journal, warnings::add));
        window.show(StoreFactory.open(StoreLocator.parse("json:" + file), OpenMode.EXISTING));
        window.selectedKeyProperty().set(KEY);

        detail.startEditing();
        detail.form().stream().filter(field -> field.field().name().equals("branch")).findFirst().orElseThrow().text().set("b");
        detail.save();
        window.selectedKeyProperty().set(null);
        window.selectedKeyProperty().set(KEY);
        dialogs.answer(true);
        detail.delete();

        CliRun history = CliRun.of("history", "--backup-dir", journal.toString());
        CliRun historyJson = CliRun.of("history", "--backup-dir", journal.toString(), "--format", "json");
        CliRun backups = CliRun.of("undo", "--list", "--backup-dir", journal.toString());
        assertThat(history.out()).contains("edit of deploy-****yz12", "deletion of deploy-****yz12");
        for (String shown : Stream.concat(Stream.of(history.out(), historyJson.out(), backups.out(), backups.err()),
                Stream.concat(dialogs.notifications().stream(), dialogs.errors().stream())).toList()) {
            assertThat(shown).doesNotContain(TOKEN_BODY);
        }
        try (Stream<Path> index = Files.walk(journal.resolve("backups"))) {
            for (Path backup : index.filter(path -> path.getFileName().toString().equals("backup.json")).toList()) {
                assertThat(Files.readString(backup)).as(backup.toString()).doesNotContain(TOKEN_BODY);
            }
        }
        assertThat(warnings).isEmpty();
    }
}
