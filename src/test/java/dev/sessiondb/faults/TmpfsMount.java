package dev.sessiondb.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A small tmpfs mounted on a test's folder: a disk that fills up after a few hundred kilobytes,
 * or a folder made read-only (root writes through chmod, so only a read-only mount stops it).
 * Needs root with mount rights, as the suite has in CI; without them the test fails and says so,
 * it is never skipped.
 */
public final class TmpfsMount implements AutoCloseable {

    private final Path folder;

    private TmpfsMount(Path folder) {
        this.folder = folder;
    }

    /** Mounts a tmpfs of {@code kilobytes} on {@code folder} (created if missing). */
    public static TmpfsMount of(Path folder, int kilobytes) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the mount point " + folder, e);
        }
        run("mount", "-t", "tmpfs", "-o", "size=" + kilobytes + "k,mode=0755", "sessiondb-fault", folder.toString());
        return new TmpfsMount(folder);
    }

    public Path folder() {
        return folder;
    }

    public void readOnly() {
        run("mount", "-o", "remount,ro", folder.toString());
    }

    public void writable() {
        run("mount", "-o", "remount,rw", folder.toString());
    }

    @Override
    public void close() {
        run("umount", "-l", folder.toString());
    }

    /** Runs a mount command as the suite's root; a failure says what the fault tests need. */
    static void run(String... command) {
        List<String> line = new ArrayList<>(List.of(command));
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", line) + " failed (" + output + "): the fault tests need root with the"
                        + " right to mount a tmpfs (CAP_SYS_ADMIN), as CI has; run them there or as root");
            }
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", line) + " could not run: the fault tests need mount and umount", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while mounting", e);
        }
    }
}
