package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessiondb.job.StoreContents;
import dev.sessiondb.job.backup.Backup;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.StoreLocator;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Undo can be undone, and that again: the list says after each which backups are put back, so that
 * it names the jobs the store holds (an audit found a job listed as undone after the undo of its
 * undo had put it back in the store).
 */
class UndoOfUndoTest {

    @TempDir
    Path dir;

    @Test
    void eachUndoOfAnUndoFlipsWhatTheListCallsUndoneDownTheChain() throws Exception {
        UndoDesk desk = new UndoDesk(dir);
        StoreLocator target = StoreContents.create("json:" + dir.resolve("target.json"), SampleSessions.minskyList(3, 2));
        Backup job = desk.migrateInto(target, SampleSessions.minskyList(7, 1));

        assertThat(desk.undo().exitCode()).isZero();
        Backup firstUndo = desk.journal().latestNotRestored().orElseThrow();
        assertThat(keys(target)).hasSize(3);
        assertThat(undoStates()).containsExactly(Map.entry(firstUndo.id(), "not undone"), Map.entry(job.id(), "undone"));

        assertThat(desk.undo().exitCode()).isZero();
        Backup secondUndo = desk.journal().latestNotRestored().orElseThrow();
        assertThat(keys(target)).as("the job's sessions are back").hasSize(7);
        assertThat(undoStates()).containsExactly(Map.entry(secondUndo.id(), "not undone"), Map.entry(firstUndo.id(), "undone"),
                Map.entry(job.id(), "not undone"));

        assertThat(desk.undo().exitCode()).isZero();
        Backup thirdUndo = desk.journal().latestNotRestored().orElseThrow();
        assertThat(keys(target)).as("the job undone again").hasSize(3);
        assertThat(undoStates()).containsExactly(Map.entry(thirdUndo.id(), "not undone"), Map.entry(secondUndo.id(), "undone"),
                Map.entry(firstUndo.id(), "not undone"), Map.entry(job.id(), "undone"));
        assertThat(desk.journal().require(job.id()).restoredAt()).isPresent();
        assertThat(desk.journal().require(firstUndo.id()).restoredAt()).isEmpty();
    }

    /** Each backup's id and what {@code undo --list} says of it, newest first. */
    private Map<String, String> undoStates() throws Exception {
        CliRun list = new UndoDesk(dir).undo("--list", "--format", "json");
        assertThat(list.exitCode()).as(list.err()).isZero();
        Map<String, String> states = new LinkedHashMap<>();
        for (JsonNode backup : JsonCodec.parse(list.out())) {
            states.put(backup.path("id").asText(), backup.path("undoState").asText());
        }
        return states;
    }

    private static List<String> keys(StoreLocator store) {
        return StoreContents.records(store).stream().map(SessionRecord::key).toList();
    }
}
