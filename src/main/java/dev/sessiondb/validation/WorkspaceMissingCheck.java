package dev.sessiondb.validation;

import dev.sessiondb.model.SessionRecord;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** Sessions whose {@code repoPath} no longer exists: Minsky fails on every command in them. */
final class WorkspaceMissingCheck implements Check {

    private final Path baseDirectory;
    /**
     * Whether each folder holding a missing workspace is there: under a folder that is not, every
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
            if (!exists(repoPath)) {
                findings.accept(Finding.of(this, Severity.WARNING, record.key(), "workspace " + repoPath + " does not exist",
                        "restore the workspace (minsky session start again) or delete the session if its work is done"));
            }
        });
    }

    private boolean exists(String repoPath) {
        Path workspace;
        try {
            workspace = baseDirectory.resolve(repoPath);
        } catch (InvalidPathException e) {
            return false;
        }
        Path folder = workspace.getParent();
        if (folder != null && Boolean.FALSE.equals(folders.get(folder))) {
            return false;
        }
        if (Files.isDirectory(workspace)) {
            return true;
        }
        if (folder != null) {
            folders.computeIfAbsent(folder, Files::isDirectory);
        }
        return false;
    }
}
