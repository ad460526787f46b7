package dev.sessiondb.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A walk met "cannot take the lock … (/x/.sessions.db.sessiondb-writer.lock: /x/.sessions.db.sessiondb-writer.lock)": the file
 * system's exception carried only the path, which the message had named already. The path is said once, with why and what to do.
 */
class WriterLockFailureWordsTest {

    @TempDir
    Path dir;

    @Test
    void aLockFileInAFolderThatIsGoneIsNamedOnceWithWhatToDo() {
        Path store = dir.resolve("gone").resolve("sessions.db");
        // the lock file's place as it was named before its folder was deleted
        Path lockFile = store.resolveSibling(FileWriterLock.lockFileName("sessions.db"));

        Throwable refused = catchThrowable(() -> FileWriterLock.hold(lockFile, "sqlite:" + store, "run 1"));

        assertThat(refused).isInstanceOf(StoreException.class);
        assertThat(refused.getMessage()).startsWith("sqlite:" + store + ": cannot take the lock that keeps a second writer out (" + lockFile + ": ")
                .contains("the folder " + store.getParent() + " does not exist", "nothing was changed", "check that the folder holding the store exists");
        assertThat(refused.getMessage().split(lockFile.toString(), -1)).hasSize(2);
    }
}
