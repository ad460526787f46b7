package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.Fixtures;
import dev.sessiondb.job.StoreContents;
import dev.sessiondb.store.StoreLocator;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pass over the CLI found undo saying "Restored json:rep.json as it was at 2026-12-07T05:55:35.552678892Z", to the
 * nanosecond, where history, undo --list and every table show a job's time to the millisecond.
 */
class UndoRestoredTimeTest {

    @TempDir
    Path dir;

    @Test
    void undoSaysWhenTheRestoredStateWasTakenToTheMillisecond() {
        UndoDesk desk = new UndoDesk(dir);
        StoreLocator target = StoreContents.create("json:" + dir.resolve("target.json"), Fixtures.minskyRecords().subList(0, 2));
        desk.migrateInto(target, List.of(Fixtures.minskyRecords().get(2)));

        CliRun undo = desk.undo();

        assertThat(undo.exitCode()).as(undo.err()).isZero();
        assertThat(undo.out()).containsPattern("as it was at \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{3})?Z \\(backup ");
    }
}
