package dev.sessiondb.ui.diff;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.Fixtures;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.ui.TestStores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Two stores built from the real fixture that differ the way users' stores do: A has task#011,
 * B a new task#500; task#002's pull request was merged in B (with a token kept in both);
 * task#008 moved to another branch in B. Everything else is identical.
 */
public final class DiffFixtures {

    public static final String TOKEN = "ghp_abcdefghijklmnopqrstuvwxyz0123456789";

    private DiffFixtures() {
    }

    public static Path storeA(Path directory) {
        List<SessionRecord> records = new ArrayList<>();
        for (SessionRecord record : Fixtures.minskyRecords()) {
            records.add(record.key().equals("task#002") ? record.with("pullRequest", pullRequest("open")) : record);
        }
        return write(directory.resolve("a/session-db.json"), records);
    }

    public static Path storeB(Path directory) {
        List<SessionRecord> records = new ArrayList<>();
        for (SessionRecord record : Fixtures.minskyRecords()) {
            switch (record.key()) {
                case "task#011" -> { }
                case "task#002" -> records.add(record.with("pullRequest", pullRequest("merged")));
                case "task#008" -> records.add(record.with("branch", "feature/task-008"));
                default -> records.add(record);
            }
        }
        records.add(records.get(0).with("session", "task#500").with("taskId", "#500"));
        return write(directory.resolve("b/session-db.json"), records);
    }

    /** A store of the fixture's task#002 alone with a field set to a value: two of them differ in that value only. */
    public static Path oneSessionWith(Path file, String field, String value) {
        SessionRecord record = Fixtures.minskyRecords().stream().filter(each -> each.key().equals("task#002")).findFirst().orElseThrow();
        return write(file, List.of(record.with(field, value)));
    }

    private static ObjectNode pullRequest(String state) {
        ObjectNode pullRequest = JsonNodeFactory.instance.objectNode().put("number", 12).put("state", state);
        pullRequest.putObject("github").put("token", TOKEN);
        return pullRequest;
    }

    private static Path write(Path file, List<SessionRecord> records) {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (SessionStore store = TestStores.withRecords(file, records.iterator(), records.size())) {
            return store.locator().path();
        }
    }
}
