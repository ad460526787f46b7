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
