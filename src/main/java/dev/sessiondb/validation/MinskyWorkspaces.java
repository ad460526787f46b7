package dev.sessiondb.validation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The session workspace directories under a Minsky state directory: {@code <state>/sessions/<session>}
 * (from July 2025) and the older {@code <state>/git/<repo>/sessions/<session>}.
 *
 * @param directory   the workspace
 * @param session     its session name (the directory's name)
 * @param repoDirName for the older layout, the flattened repository name it sits under
 */
public record MinskyWorkspaces(Path directory, String session, Optional<String> repoDirName) {

    private static final String WHAT_IT_HOLDS = "name a Minsky state directory, the folder holding sessions/ (a workspace per session)"
            + " or git/REPO/sessions/";

    public static List<MinskyWorkspaces> under(Path stateDir) {
        List<MinskyWorkspaces> found = new ArrayList<>();
        for (Path workspace : children(stateDir.resolve("sessions"))) {
            found.add(new MinskyWorkspaces(workspace, workspace.getFileName().toString(), Optional.empty()));
        }
        for (Path repo : children(stateDir.resolve("git"))) {
            for (Path workspace : children(repo.resolve("sessions"))) {
                found.add(new MinskyWorkspaces(workspace, workspace.getFileName().toString(), Optional.of(repo.getFileName().toString())));
            }
        }
        return found;
    }

    /**
     * Why a folder named as a state directory is none, for a message at the option or field that named it; empty when it holds
     * {@code sessions/} or {@code git/}. A missing folder, or the sessions folder itself named, would check no workspace at all and
     * read as a clean result.
     */
    public static Optional<String> whyNotAStateDirectory(Path folder) {
        if (!Files.exists(folder)) {
            return Optional.of(folder + " does not exist; " + WHAT_IT_HOLDS);
        }
        if (!Files.isDirectory(folder)) {
            return Optional.of(folder + " is not a folder; " + WHAT_IT_HOLDS);
        }
        if (Files.isDirectory(folder.resolve("sessions")) || Files.isDirectory(folder.resolve("git"))) {
            return Optional.empty();
        }
        Path parent = folder.toAbsolutePath().normalize().getParent();
        String holdsWorkspaces = parent != null && (folder.toAbsolutePath().normalize().endsWith("sessions") || holdsGitWorkspace(folder))
                ? " (its folders look like the workspaces themselves: name the folder above it, " + parent + ")" : "";
        return Optional.of(folder + " holds no sessions/ or git/ folder, so no workspace would be checked; " + WHAT_IT_HOLDS + holdsWorkspaces);
    }

    private static boolean holdsGitWorkspace(Path folder) {
        return children(folder).stream().anyMatch(child -> Files.exists(child.resolve(".git")));
    }

    private static List<Path> children(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}
