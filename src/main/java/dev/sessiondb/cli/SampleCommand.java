package dev.sessiondb.cli;

import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.job.ProgressTracker;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.WriteBatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.Callable;
import java.util.stream.LongStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "sample", description = {"Fill a NEW store with synthetic sessions, for demos, trials and benchmarks.",
        "The records have the variety of real stores: mixed task-id forms, repo-name spellings, nested pull requests, unknown fields."})
final class SampleCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "STORE", description = "A store that does not exist yet (or is empty).")
    String store;

    @Option(names = "--count", paramLabel = "N", description = "How many sessions (default: ${DEFAULT-VALUE}).")
    long count = 1000;

    @Option(names = "--seed", paramLabel = "S", description = "The same seed gives the same sessions (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--kind", paramLabel = "minsky|chat", description = "Minsky sessions or chat-server sessions with conversations (default: ${DEFAULT-VALUE}).")
    String kind = "minsky";

    @Override
    public Integer call() {
        if (count < 1) {
            throw new IllegalArgumentException("--count " + count + ": give how many sessions to write, 1 or more");
        }
        Iterator<SessionRecord> records = switch (kind) {
            case "minsky" -> SampleSessions.minsky(count, seed);
            case "chat" -> LongStream.range(0, count).mapToObj(SampleSessions::chatRecord).iterator();
            default -> throw new IllegalArgumentException("unknown kind '" + kind + "'; use minsky or chat");
        };
        StoreLocator locator = StoreLocator.parse(store);
        ProgressTracker tracker = new ProgressTracker();
        try (SessionStore target = openTarget(locator);
             TerminalProgress bar = new TerminalProgress(spec.commandLine())) {
            if (target.count() > 0) {
                throw new StoreException(locator.display() + ": already holds " + target.count() + " sessions; sample fills only a new or empty store");
            }
            if (bar.draws()) {
                tracker.addListener(bar);
            }
            tracker.message("writing samples");
            target.write(WriteBatch.upsert(records, count), tracker);
        }
        spec.commandLine().getOut().printf("%,d %s sessions written to %s%n", count, kind, locator.display());
        return SessionDbCommand.OK;
    }

    /**
     * An empty file named as a JSON store is no store to fill: the read's own advice, "fix it or restore a backup", did not
     * say what sample writes into nor how to get it to (an empty SQLite file is filled as a new database).
     */
    private static SessionStore openTarget(StoreLocator locator) {
        boolean emptyFile = locator.localPath().filter(Files::isRegularFile).filter(SampleCommand::empty).isPresent();
        try {
            return StoreFactory.open(locator, OpenMode.CREATE_IF_MISSING);
        } catch (StoreException notAStore) {
            if (!emptyFile) {
                throw notAStore;
            }
            throw new StoreException(locator.display() + ": the file is empty, not a store; sample writes a new store, or fills one that holds"
                    + " no sessions, and did not change the file; name a new file, or write [] into this one to fill it", notAStore);
        }
    }

    private static boolean empty(Path file) {
        try {
            return Files.size(file) == 0;
        } catch (IOException unreadable) {
            return false; // the open says why the file cannot be read
        }
    }
}
