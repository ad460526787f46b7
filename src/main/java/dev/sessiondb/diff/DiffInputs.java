package dev.sessiondb.diff;

import dev.sessiondb.files.AtomicFiles;
import dev.sessiondb.model.SecretMasker;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.StoreProviders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What a diff refuses before it compares, the same for the command line and the window. */
public final class DiffInputs {

    private static final String ADVICE = "check the path (a JSON store of no sessions holds [], a SQLite one is made by a job writing into it)";

    private DiffInputs() {
    }

    /**
     * An empty file is no store of either format. Each store's own open said so one at a time, B's before A's (a JSON file
     * is read only when compared), and one file named twice in two formats got the JSON read's advice, "fix it or restore a
     * backup": the user fixed one store to meet the next refusal.
     */
    public static void refuseEmptyFiles(StoreLocator a, StoreLocator b) {
        List<StoreLocator> empty = List.of(a, b).stream().filter(DiffInputs::isEmptyFile).toList();
        if (empty.isEmpty()) {
            return;
        }
        if (empty.size() == 2 && sameFile(a.path(), b.path())) {
            throw new StoreException(a.display() + " and " + b.display() + " name one file, which is empty (0 bytes), not a store;"
                    + " nothing was compared; name two stores to compare");
        }
        if (empty.size() == 2) {
            throw new StoreException(a.display() + " and " + b.display() + ": both files are empty (0 bytes), not stores;"
                    + " nothing was compared; " + ADVICE.replace("the path", "the paths"));
        }
        throw new StoreException(empty.get(0).display() + ": the file is empty (0 bytes), not a store; nothing was compared; " + ADVICE);
    }

    /**
     * One store named twice has nothing to compare. Only that is refused: diff writes nothing, so a store inside a folder
     * store (a SQLite file beside magellai's session files) is compared with it as any two stores are.
     */
    public static void refuseTheSameStoreTwice(StoreLocator a, StoreLocator b) {
        if (!sameStore(a, b)) {
            return;
        }
        if (a.format() != b.format()) {
            // one file named in two formats: the open of the format it is not says so ("not a SQLite database"), the mistake to fix
            List.of(a, b).forEach(store -> StoreFactory.open(store, OpenMode.EXISTING).close());
        }
        throw new StoreException(a.display() + " and " + b.display() + " are the same store; name two stores to compare");
    }

    /**
     * One session named on both sides, in one store, has nothing to compare: the window showed it identical to itself. Asked
     * with the keys the sessions were found by, so a task id and the session it finds (#008 and task#008) are one session.
     */
    public static void refuseTheSameSessionTwice(StoreLocator a, String keyA, StoreLocator b, String keyB) {
        if (keyA.equals(keyB) && sameStore(a, b)) {
            throw new StoreException("A and B name the same session, " + SecretMasker.maskText("session", keyA) + " of " + a.display()
                    + "; nothing was compared; pick two different sessions or stores to compare");
        }
    }

    private static boolean sameStore(StoreLocator a, StoreLocator b) {
        return StoreProviders.of(a).identity(a).equals(StoreProviders.of(b).identity(b));
    }

    private static boolean isEmptyFile(StoreLocator store) {
        return store.localPath().filter(AtomicFiles::isEmptyFile).isPresent();
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException unreadable) {
            return false; // the open says why the file cannot be read
        }
    }
}
