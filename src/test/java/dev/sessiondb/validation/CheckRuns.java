package dev.sessiondb.validation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreInfo;
import dev.sessiondb.store.StoreLayout;
import dev.sessiondb.store.StoreLocator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One check run over records given in the test, as validate runs it over a Minsky JSON store in {@code dir}. */
final class CheckRuns {

    private CheckRuns() {
    }

    static SessionRecord record(String json) {
        try {
            return SessionRecord.of((ObjectNode) JsonCodec.parse(json));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A record Minsky would write, with {@code extra} fields (",\"taskId\":\"#1\"") after its required ones. */
    static SessionRecord minsky(String session, String extra) {
        return record("{\"session\":\"" + session + "\",\"repoName\":\"local/minsky\",\"repoUrl\":\"/r\",\"createdAt\":\"2025-05-16T22:16:33.321Z\"" + extra + "}");
    }

    static List<Finding> run(Path dir, String check, List<Path> workspaces, SessionRecord... records) {
        StoreLocator locator = StoreLocator.of(StoreFormat.JSON, dir.resolve("session-db.json"));
        ValidationContext context = new ValidationContext(locator,
                new StoreInfo(locator.display(), StoreFormat.JSON, StoreLayout.MINSKY, "bare array", records.length, null, List.of()), workspaces, dir);
        List<Finding> findings = new ArrayList<>();
        new Validator(Checks.create(List.of(check), context)).run(() -> List.of(records).iterator(), records.length, findings::add, ProgressMonitor.NONE);
        return findings;
    }
}
