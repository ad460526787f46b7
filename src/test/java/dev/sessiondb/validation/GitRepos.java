package dev.sessiondb.validation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Real git repositories for tests: {@code git init}, a remote, a branch and, unless asked otherwise, a first commit at a fixed date. */
public final class GitRepos {

    private GitRepos() {
    }

    /** A repository with a remote and a branch but no commit yet. */
    public static Path init(Path directory, String remoteUrl, String branch) {
        try {
            Files.createDirectories(directory);
            git(directory, List.of(), "init", "-q", "-b", branch);
            git(directory, List.of(), "remote", "add", "origin", remoteUrl);
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path create(Path directory, String remoteUrl, String branch, String firstCommitDate) {
        return commit(init(directory, remoteUrl, branch), firstCommitDate);
    }

    /** A repository with a branch and a first commit but no remote: nothing in it tells its repository's URL. */
    public static Path createWithoutRemote(Path directory, String branch, String firstCommitDate) {
        try {
            Files.createDirectories(directory);
            git(directory, List.of(), "init", "-q", "-b", branch);
            return commit(directory, firstCommitDate);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path commit(Path directory, String date) {
        try {
            Files.writeString(directory.resolve("README.md"), "work\n");
            git(directory, List.of(), "add", "README.md");
            git(directory, List.of("GIT_AUTHOR_DATE=" + date, "GIT_COMMITTER_DATE=" + date),
                    "-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "-q", "-m", "first");
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void git(Path directory, List<String> environment, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of("git", "-C", directory.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        environment.forEach(pair -> builder.environment().put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1)));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        try {
            if (process.waitFor() != 0) {
                throw new IOException("git " + String.join(" ", arguments) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
