package dev.sessiondb.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessiondb.catalog.CatalogRecorder;
import dev.sessiondb.catalog.HistoryReader;
import dev.sessiondb.catalog.LaterChanges;
import dev.sessiondb.catalog.PastJob;
import dev.sessiondb.cli.CliRun;
import dev.sessiondb.job.backup.Backup;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.WriteBatch;
import dev.sessiondb.ui.wizard.JobUndoCommand;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write whose commit's reply never came (a PostgreSQL COMMIT lost in flight) keeps its backup and leaves no mark: undo tells
 * by the store's records whether it took effect, instead of calling it a change of unknown origin.
 */
class UndoOfAnUnsureWriteTest {

    @TempDir
    Path dir;

    @Test
    void aWriteThatDidNotTakeEffectIsSaidSoAndUndoChangesNoRecord() {
        StoreLocator target = StoreContents.create("sqlite:" + dir.resolve("target.db"), SampleSessions.minskyList(20, 3));
        Backup backup = writeWhoseCommitReplyIsLost(target, false);

        LaterChanges later = LaterChanges.look(journal(), backup);

        assertThat(later.verdict()).isEqualTo(LaterChanges.Verdict.NONE);
        assertThat(later.details()).contains("stopped while committing, so whether it took effect was unknown: it did not, " + backup.locator()
                + " holds the records that backup holds, so undo changes no record");
        assertListSays(later, "none");
    }

    @Test
    void aWriteThatTookEffectIsSaidSoNotTakenForAnotherProgramsAlone() {
        StoreLocator target = StoreContents.create("sqlite:" + dir.resolve("target.db"), SampleSessions.minskyList(20, 3));
        Backup backup = writeWhoseCommitReplyIsLost(target, true);

        LaterChanges later = LaterChanges.look(journal(), backup);

        assertThat(later.verdict()).isEqualTo(LaterChanges.Verdict.UNCHECKED);
        assertThat(later.details()).contains("stopped while committing, so whether it took effect was unknown: it holds other records than that"
                + " backup, so the write took effect");
        assertListSays(later, "unchecked");
    }

    /** A run whose write fails as a lost COMMIT reply does, after writing ({@code tookEffect}) or not; the journal keeps its backup. */
    private Backup writeWhoseCommitReplyIsLost(StoreLocator target, boolean tookEffect) {
        BackupJournal journal = journal();
        JobReport.Builder report = journal.startRun("migrate", "migrate json:a.json -> " + target.display(), List.of(), target);
        Backup backup = journal.backUp(report.runId(), target, "migrate json:a.json -> " + target.display(), ProgressMonitor.NONE);
        assertThatThrownBy(() -> journal.write(backup, () -> {
            if (tookEffect) {
                List<SessionRecord> written = SampleSessions.minskyList(20, 4);
                try (SessionStore store = StoreFactory.open(target, OpenMode.EXISTING)) {
                    store.write(WriteBatch.replaceAll(written.iterator(), written.size()), ProgressMonitor.NONE);
                }
            }
            throw new IllegalStateException("An I/O error occurred while sending to the backend (the COMMIT's reply never came)");
        }, () -> false)).isInstanceOf(IllegalStateException.class);
        assertThat(journal().list()).as("the backup of a write whose outcome is unknown is kept").contains(backup);
        return backup;
    }

    /** undo --list and the window's History say what undo found, in its words: under the backup, in JSON beside the verdict, when asked. */
    private void assertListSays(LaterChanges later, String verdict) {
        PastJob job = new HistoryReader(journal()).undoable(StoreLocator.parse(later.backup().locator())).get(0);
        assertThat(JobUndoCommand.ofPastJob(job, journal(), ZoneOffset.UTC).confirmation()).get().asString().contains(later.details().substring(1));
        CliRun list = CliRun.of("undo", "--list", "--backup-dir", dir.resolve("journal").toString());
        CliRun json = CliRun.of("undo", "--list", "--format", "json", "--backup-dir", dir.resolve("journal").toString());

        assertThat(list.out()).contains(later.backup().id()).contains("\n    " + later.details() + "\n");
        assertThat(json.out()).contains("\"laterChanges\": \"" + verdict + "\"").contains("\"unsureWrite\": \"" + later.details() + "\"");
    }

    private BackupJournal journal() {
        return CatalogRecorder.journal(dir.resolve("journal"), warning -> { });
    }
}
