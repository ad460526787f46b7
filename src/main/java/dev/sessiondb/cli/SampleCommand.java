package dev.sessiondb.cli;

import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.job.ProgressTracker;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.StoreProviders;
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

    @Option(names = "--kind", paramLabel = "minsky|chat|magellai", description = "Minsky sessions, chat-server sessions or magellai sessions (a"
            + " jsondir: folder holds them as magellai does, a file per session), the two with conversations (default: ${DEFAULT-VALUE}).")
    String kind = "minsky";

    @Override
    public Integer call() {
        if (count < 1) {
            throw new IllegalArgumentException("--count " + count + ": give how many sessions to write, 1 or more");
        }
        Iterator<SessionRecord> records = switch (kind) {
            case "minsky" -> SampleSessions.minsky(count, seed);
            case "chat" -> LongStream.range(0, count).mapToObj(SampleSessions::chatRecord).iterator();
            case "magellai" -> LongStream.range(0, count).mapToObj(SampleSessions::magellaiRecord).iterator();
            default -> throw new IllegalArgumentException("unknown kind '" + kind + "'; use minsky, chat or magellai");
        };
        StoreLocator locator = targetOf(store);
        refuseStrangersInItsPlace(locator);
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

    /** The store to fill: a bare path is told by its content, so a file of notes is refused as {@link #noStoreToFill} says. */
    private static StoreLocator targetOf(String argument) {
        try {
            return StoreLocator.parse(argument);
        } catch (StoreException unrecognised) {
            // a NUL is no path on any system this runs on: Path.of would throw
            throw argument.indexOf('\0') < 0 ? noStoreToFill(Path.of(argument), argument, unrecognised) : unrecognised;
        }
    }

    /** A folder of other files (notes, a readme) got session files written among them without a word. */
    private static void refuseStrangersInItsPlace(StoreLocator locator) {
        StoreProviders.of(locator).foreignEntry(locator).ifPresent(entry -> {
            throw new StoreException(locator.display() + ": the folder holds " + entry.getFileName() + ", which is no session file; sample"
                    + " writes a new store, or fills one that holds no sessions, and did not change the folder; name a new or empty folder");
        });
    }

    private static SessionStore openTarget(StoreLocator locator) {
        try {
            return StoreFactory.open(locator, OpenMode.CREATE_IF_MISSING);
        } catch (StoreException notAStore) {
            throw locator.localPath().map(path -> noStoreToFill(path, locator.display(), notAStore)).orElse(notAStore);
        }
    }

    /**
     * An existing file that is empty or no store of any format (notes in plain text) is no store to fill: the open's own advice
     * ("fix it or restore a backup", "name its format before the path") was for reading a store, and did not say what sample
     * writes into nor how to get it to (an empty SQLite file is filled as a new database).
     */
    private static StoreException noStoreToFill(Path file, String shown, StoreException refused) {
        if (!Files.isRegularFile(file)) {
            return refused;
        }
        if (empty(file)) {
            return new StoreException(shown + ": the file is empty, not a store; sample writes a new store, or fills one that holds"
                    + " no sessions, and did not change the file; name a new file, or write [] into this one to fill it", refused);
        }
        if (StoreProviders.all().stream().noneMatch(provider -> provider.recognises(file))) {
            return new StoreException(shown + ": not a session store (neither JSON nor SQLite by its first bytes); sample writes a new"
                    + " store, or fills one that holds no sessions, and did not change the file; name a new file", refused);
        }
        return refused;
    }

    private static boolean empty(Path file) {
        try {
            return Files.size(file) == 0;
        } catch (IOException unreadable) {
            return false; // the open says why the file cannot be read
        }
    }
}
