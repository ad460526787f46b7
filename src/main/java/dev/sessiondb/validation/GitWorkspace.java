package dev.sessiondb.validation;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What a workspace's git repository says about it: the remote, the current branch and the
 * date of its first commit. Read with the {@code git} command, which knows every repository
 * layout (worktrees, packed refs) better than a hand-written reader would.
 */
public record GitWorkspace(Optional<String> remoteUrl, Optional<String> branch, Optional<String> firstCommitDate) {

    private static final long TIMEOUT_SECONDS = 30;

    /** Empty when the directory is not itself a git workspace: git would otherwise describe an enclosing repository. */
    public static GitWorkspace read(Path directory) {
        if (!Files.exists(directory.resolve(".git"))) {
            return new GitWorkspace(Optional.empty(), Optional.empty(), Optional.empty());
        }
        return new GitWorkspace(
                git(directory, "config", "--get", "remote.origin.url"),
                // symbolic-ref names the branch before its first commit too, where rev-parse fails; a detached HEAD has none
                git(directory, "symbolic-ref", "--short", "-q", "HEAD"),
                git(directory, "log", "--reverse", "--format=%aI", "--max-parents=0").map(dates -> dates.lines().findFirst().orElse(dates)));
    }

    /** The command's first output, trimmed; empty when git fails (no repository, no commits, no remote). */
    private static Optional<String> git(Path directory, String... arguments) {
        List<String> command = new ArrayList<>(List.of("git", "-C", directory.toString()));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(false).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            return process.exitValue() == 0 && !output.isEmpty() ? Optional.of(output) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run git in " + directory + " (" + e.getMessage() + "); install git or register the workspace by hand", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new InterruptedIOException("interrupted while running git in " + directory));
        }
    }
}
