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
    /**
     * What Minsky keeps in its state directory besides workspaces (its source: the session stores, the conversation map, the
     * memory captures), any of which marks a state directory Minsky has used; backups are {@code session-backup-TIME.json}.
     */
    private static final List<String> STATE_ENTRIES = List.of("session-db.json", "sessions.db", "conversation-by-pid",
            "conversation-transitions.jsonl", "memory-captures");

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
     * Why a folder named as a state directory is none, for a message at the option or field that named it; empty when it is one.
     * Minsky makes {@code sessions/} only with its first session workspace, so a fresh state directory is one too: a folder that
     * holds another of Minsky's state files, or nothing yet. A missing folder, or one holding something else, such as the sessions
     * folder itself or a checkout, would check no workspace at all and read as a clean result.
     */
    public static Optional<String> whyNotAStateDirectory(Path folder) {
        if (!Files.exists(folder)) {
            return Optional.of(folder + " does not exist; " + WHAT_IT_HOLDS);
        }
        if (!Files.isDirectory(folder)) {
            return Optional.of(folder + " is not a folder; " + WHAT_IT_HOLDS);
        }
        if (holdsWorkspaceFolders(folder) || holdsMinskyState(folder)) {
            return Optional.empty();
        }
        Path parent = folder.toAbsolutePath().normalize().getParent();
        String holdsWorkspaces = parent != null && (folder.toAbsolutePath().normalize().endsWith("sessions") || holdsGitWorkspace(folder))
                ? " (its folders look like the workspaces themselves: name the folder above it, " + parent + ")" : "";
        return Optional.of(folder + " holds no sessions/ or git/ folder and none of Minsky's state files (" + String.join(", ", STATE_ENTRIES)
                + "), so no workspace would be checked; " + WHAT_IT_HOLDS + holdsWorkspaces);
    }

    /**
     * For a state directory Minsky has made no workspace in yet, what to tell the user: it is checked, and holds none.
     * Empty when it holds {@code sessions/} or {@code git/}.
     */
    public static Optional<String> noWorkspacesYet(Path stateDir) {
        return holdsWorkspaceFolders(stateDir) ? Optional.empty()
                : Optional.of(stateDir + " has no sessions/ folder yet (Minsky makes it with its first session workspace): 0 workspaces to check");
    }

    private static boolean holdsWorkspaceFolders(Path folder) {
        return Files.isDirectory(folder.resolve("sessions")) || Files.isDirectory(folder.resolve("git"));
    }

    /** Minsky's own files beside its workspaces, or a folder with nothing in it yet. */
    private static boolean holdsMinskyState(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            List<String> names = entries.map(entry -> entry.getFileName().toString()).toList();
            return names.isEmpty() || names.stream().anyMatch(name -> STATE_ENTRIES.contains(name) || name.matches("session-backup-.*\\.json"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
        }
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
