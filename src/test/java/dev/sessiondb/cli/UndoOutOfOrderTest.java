package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.job.StoreContents;
import dev.sessiondb.job.backup.Backup;
import dev.sessiondb.job.backup.RunIds;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.StoreLocator;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An undo of a job with a later job on its store, forced: the store goes back to before the job, the later job's changes
 * with it. An audit found the later job still listed as not undone and its undo offered, and an undo of that undo marking
 * jobs undone that it had brought back.
 */
class UndoOutOfOrderTest {

    @TempDir
    Path dir;

    @Test
    void aForcedUndoOfAnEarlierJobListsTheLaterJobUndoneByItAndItsUndoBringsBothBack() {
        StoreLocator target = StoreLocator.parse("json:" + dir.resolve("t2.json"));
        Backup first = desk().migrateInto(target, SampleSessions.minskyList(5, 1));
        List<String> afterFirst = keys(target);
        Backup second = desk().migrateInto(target, SampleSessions.minskyList(4, 20));
        Backup third = desk().migrateInto(target, SampleSessions.minskyList(2, 40));
        List<String> afterThird = keys(target);

        CliRun refused = desk().undo(second.id());
        assertThat(refused.err()).contains("removes those later changes from the store; it also removes the changes of the later job "
                + description(third) + " (run " + RunIds.runIdOf(third) + "); nothing was restored");

        CliRun forced = desk().undo(second.id(), "--force");

        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(keys(target)).isEqualTo(afterFirst);
        String byTheUndo = "by the undo of " + description(second) + " (run ";
        assertThat(history()).contains("completed                undone  " + RunIds.runIdOf(third) + "\n    " + description(third) + "\n    undone "
                + byTheUndo);
        assertThat(history()).contains("completed                " + RunIds.runIdOf(first) + "\n");
        String list = desk().undo("--list").out();
        assertThat(lineOf(list, third.id())).contains(" undone ");
        assertThat(list).contains("    its job was undone " + byTheUndo);
        assertThat(list).doesNotContain("sessiondb undo " + third.id() + " --force");
        Backup undoOfSecond = desk().journal().latestNotRestored().orElseThrow();
        assertThat(undoOfSecond.reason()).isEqualTo("undo " + second.id());

        CliRun undoTheUndo = desk().undo(undoOfSecond.id());

        assertThat(undoTheUndo.exitCode()).as(undoTheUndo.err()).isZero();
        assertThat(undoTheUndo.out()).contains("It brings back the changes of " + description(second) + " (run " + RunIds.runIdOf(second) + "), "
                + description(third) + " (run " + RunIds.runIdOf(third) + ").");
        assertThat(keys(target)).isEqualTo(afterThird);
        String after = history();
        assertThat(after).contains("completed                " + RunIds.runIdOf(third) + "\n", "completed                " + RunIds.runIdOf(second) + "\n",
                "completed                undone  " + RunIds.runIdOf(undoOfSecond) + "\n").doesNotContain("undone by");
        assertThat(lineOf(desk().undo("--list").out(), third.id())).contains(" not undone ");
    }

    private UndoDesk desk() {
        return new UndoDesk(dir);
    }

    private String history() {
        CliRun history = CliRun.of("history", "--backup-dir", dir.resolve("journal").toString());
        assertThat(history.exitCode()).as(history.err()).isZero();
        return history.out();
    }

    private static String description(Backup backup) {
        return backup.reason();
    }

    private static String lineOf(String text, String start) {
        return text.lines().filter(line -> line.startsWith(start)).findFirst().orElseThrow();
    }

    private static List<String> keys(StoreLocator store) {
        return StoreContents.records(store).stream().map(SessionRecord::key).toList();
    }
}
