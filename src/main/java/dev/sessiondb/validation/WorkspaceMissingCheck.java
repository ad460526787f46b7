package dev.sessiondb.validation;

import dev.sessiondb.model.SessionRecord;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** Sessions whose {@code repoPath} no longer exists: Minsky fails on every command in them. */
final class WorkspaceMissingCheck implements Check {

    private final Path baseDirectory;
    /**
     * Whether each folder holding a missing workspace, and each state directory named, is there: under a folder that is not, every
     * workspace is missing without a look of its own (a store copied from another machine names
     * thousands under one absent folder, and each look is a system call).
     */
    private final Map<Path, Boolean> folders = new ConcurrentHashMap<>();

    /** @param baseDirectory what a relative repoPath is resolved against (the store's directory) */
    WorkspaceMissingCheck(Path baseDirectory) {
        this.baseDirectory = baseDirectory;
    }

    @Override
    public String name() {
        return "workspace-missing";
    }

    @Override
    public boolean inspectsOnReadingThread() {
        return true;
    }

    @Override
    public void inspect(SessionRecord record, Consumer<Finding> findings) {
        record.repoPath().filter(path -> !path.isBlank()).ifPresent(repoPath -> {
            Path workspace;
            try {
                workspace = baseDirectory.resolve(repoPath);
            } catch (InvalidPathException e) {
                findings.accept(missing(record, repoPath));
                return;
            }
            if (!exists(workspace)) {
                findings.accept(stateDirectory(workspace).filter(state -> !isFolder(state))
                        .map(state -> missingWithItsStateDirectory(record, repoPath, state))
                        .orElseGet(() -> missing(record, repoPath)));
            }
        });
    }

    private Finding missing(SessionRecord record, String repoPath) {
        return Finding.of(this, Severity.WARNING, record.key(), "workspace " + repoPath + " does not exist",
                "restore the workspace (minsky session start again) or delete the session if its work is done");
    }

    /**
     * A store copied from another machine names workspaces under a state directory this machine lacks: restoring or deleting
     * is the wrong advice there, as the workspace may be fine where the store was made.
     */
    private Finding missingWithItsStateDirectory(SessionRecord record, String repoPath, Path stateDirectory) {
        return Finding.of(this, Severity.WARNING, record.key(), "workspace " + repoPath + " does not exist, nor does its Minsky state directory "
                        + stateDirectory + " (was the store made on another machine?)",
                "look on the machine that has " + stateDirectory + ", where the workspace may be; delete the session only if its work is done there");
    }

    /**
     * The Minsky state directory a workspace path names: {@code STATE/sessions/NAME}, or {@code STATE/git/REPO/sessions/NAME} where
     * REPO is one or two folders ({@code local/minsky}); empty for a path of another shape.
     */
    private static Optional<Path> stateDirectory(Path workspace) {
        Path sessions = workspace.normalize().getParent();
        if (sessions == null || sessions.getFileName() == null || !sessions.getFileName().toString().equals("sessions")) {
            return Optional.empty();
        }
        Path folder = sessions.getParent();
        for (int repoDepth = 0; folder != null && repoDepth < 2; repoDepth++) {
            folder = folder.getParent();
            if (folder != null && folder.getFileName() != null && folder.getFileName().toString().equals("git")) {
                return Optional.ofNullable(folder.getParent());
            }
        }
        return Optional.ofNullable(sessions.getParent());
    }

    private boolean isFolder(Path folder) {
        return folders.computeIfAbsent(folder, Files::isDirectory);
    }

    private boolean exists(Path workspace) {
        Path folder = workspace.getParent();
        if (folder != null && Boolean.FALSE.equals(folders.get(folder))) {
            return false;
        }
        if (Files.isDirectory(workspace)) {
            return true;
        }
        if (folder != null) {
            isFolder(folder);
        }
        return false;
    }
}
