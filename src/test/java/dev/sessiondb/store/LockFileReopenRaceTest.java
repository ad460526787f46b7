package dev.sessiondb.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessiondb.JavaProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A holder lets go of a file store's writer lock by deleting its lock file, then dropping the lock. A writer that opened the
 * file just before locks the deleted file: it must see, once locked, that the file at the name is another (or none) and lock
 * that one, or two writers would each hold a lock of one name. The release (and another process's lock) is put between the
 * writer's open and its lock through {@link FileWriterLock#hold(Path, String, String, Runnable)}.
 */
class LockFileReopenRaceTest {

    @TempDir
    Path dir;

    private Path store;
    private Path lockFile;
    private Process first;

    @BeforeEach
    void anotherProcessHoldsTheLock() throws IOException {
        store = dir.resolve("session-db.json");
        lockFile = StoreWriterLock.fileOf(store);
        first = holder("run first");
        assertThat(firstLine(first)).as("the first process holds the lock").isEqualTo("held");
    }

    @AfterEach
    void stopHolders() throws InterruptedException {
        first.destroyForcibly();
        first.waitFor(60, TimeUnit.SECONDS);
    }

    @Test
    void aWriterThatOpenedTheFileItsHolderDeletesLocksTheFileThereNow() throws Exception {
        try (FileWriterLock second = FileWriterLock.hold(lockFile, "json:" + store, "run second", once(this::firstLetsGo))) {
            // the file is not read here: closing any descriptor of it drops this process's POSIX lock on it; the third process
            // reads it, and names the second writer only if the file at the lock's name is the one the second holds
            Process third = holder("run third");
            third.getOutputStream().close(); // were it let in, it would say so and end rather than hold on
            String said = new String(third.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(third.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(third.exitValue()).as("a third writer is refused: " + said).isNotZero();
            assertThat(said).doesNotContain("held").contains("json:" + store + " is being written by run second");
        }
        assertThat(lockFile).as("the second writer's release leaves no file").doesNotExist();
    }

    @Test
    void aWriterThatOpenedTheFileItsHolderDeletesIsRefusedWhenAnotherProcessLockedTheNewFile() throws Exception {
        Process[] third = new Process[1];
        try {
            Runnable firstLetsGoAndAThirdTakesTheLock = () -> {
                firstLetsGo();
                try {
                    third[0] = holder("run third");
                    assertThat(firstLine(third[0])).as("the third process holds the lock of the file made anew").isEqualTo("held");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            };

            assertThatThrownBy(() -> FileWriterLock.hold(lockFile, "json:" + store, "run second", once(firstLetsGoAndAThirdTakesTheLock)))
                    .isInstanceOf(StoreBusyException.class)
                    .hasMessage("json:" + store + " is being written by run third"
                            + "; nothing was changed; wait for that run to end (or stop it), then run the command again");
            assertThat(Files.readString(lockFile)).as("the third process's file is left as it wrote it").isEqualTo("run third");
        } finally {
            if (third[0] != null) {
                third[0].destroyForcibly();
                third[0].waitFor(60, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * A killed holder's file is deleted by another store's writer in the folder (it deletes the lock files no run holds)
     * while a writer of this store has it open: that writer takes the lock of the file made anew, and holds it.
     */
    @Test
    void aWriterThatOpenedAFileAnotherStoresWriterDeletesAsStaleLocksTheFileThereNow() throws Exception {
        first.destroyForcibly(); // SIGKILL: its lock file stays, stale
        assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Path other = Files.writeString(dir.resolve("other.json"), "[]");
        Process[] otherWriter = new Process[1];
        Runnable anotherStoresWriterDeletesTheStaleFile = () -> {
            try {
                otherWriter[0] = HoldWriterLock.started("json:" + other, "run other");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            assertThat(lockFile).as("the stale file, deleted by the other store's writer").doesNotExist();
        };
        try (FileWriterLock second = FileWriterLock.hold(lockFile, "json:" + store, "run second", once(anotherStoresWriterDeletesTheStaleFile))) {
            Process third = holder("run third");
            third.getOutputStream().close();
            String said = new String(third.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(third.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(said).doesNotContain("held").contains("json:" + store + " is being written by run second");
        } finally {
            if (otherWriter[0] != null) {
                otherWriter[0].destroyForcibly();
                otherWriter[0].waitFor(60, TimeUnit.SECONDS);
            }
        }
    }

    /** The first holder ends as a run does: its lock file deleted, then its lock dropped as the process exits. */
    private void firstLetsGo() {
        try {
            first.getOutputStream().close();
            assertThat(first.waitFor(60, TimeUnit.SECONDS)).as("the first process ended").isTrue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        assertThat(lockFile).as("the first holder deleted its lock file").doesNotExist();
    }

    private Process holder(String name) throws IOException {
        return JavaProcess.of(HoldWriterLock.class, "json:" + store, name).redirectErrorStream(true).start();
    }

    private static String firstLine(Process process) throws IOException {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)).readLine();
    }

    /** The hook runs at the first attempt only: the attempt after, on the file there now, is left to itself. */
    private static Runnable once(Runnable hook) {
        AtomicBoolean ran = new AtomicBoolean();
        return () -> {
            if (ran.compareAndSet(false, true)) {
                hook.run();
            }
        };
    }
}
