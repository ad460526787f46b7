package dev.sessiondb.validation;

import dev.sessiondb.model.SessionField;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.model.TaskId;
import dev.sessiondb.model.Timestamp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Workspace directories on disk that no record names, by session or by repoPath: Minsky
 * answers "session not found" for them. Repair registers each one from its git remote,
 * branch and first commit date.
 */
final class WorkspaceUnregisteredCheck implements Check {

    private final List<Path> stateDirs;
    private final Path baseDirectory;
    private final Set<String> keys = new HashSet<>();
    private final Set<Path> repoPaths = new HashSet<>();

    WorkspaceUnregisteredCheck(List<Path> stateDirs, Path baseDirectory) {
        this.stateDirs = List.copyOf(stateDirs);
        this.baseDirectory = baseDirectory;
    }

    @Override
    public String name() {
        return "workspace-unregistered";
    }

    @Override
    public boolean needsSurvey() {
        return !stateDirs.isEmpty();
    }

    @Override
    public Set<SessionField> surveyedFields() {
        return Set.of(SessionField.REPO_PATH);
    }

    @Override
    public void survey(SessionRecord record) {
        keys.add(record.key());
        record.repoPath().filter(path -> !path.isBlank()).ifPresent(path -> {
            try {
                repoPaths.add(baseDirectory.resolve(path).toAbsolutePath().normalize());
            } catch (InvalidPathException ignored) {
                // a path that cannot exist names no workspace on disk
            }
        });
    }

    @Override
    public void finish(Consumer<Finding> findings) {
        for (Path stateDir : stateDirs) {
            for (MinskyWorkspaces workspace : MinskyWorkspaces.under(stateDir)) {
                if (!keys.contains(workspace.session()) && !repoPaths.contains(workspace.directory().toAbsolutePath().normalize())) {
                    findings.accept(finding(workspace));
                }
            }
        }
    }

    private Finding finding(MinskyWorkspaces workspace) {
        GitWorkspace git = GitWorkspace.read(workspace.directory());
        String repoUrl = git.remoteUrl().orElse(workspace.directory().toString());
        String repoName = git.remoteUrl().flatMap(RepoNames::fromUrl).or(workspace::repoDirName)
                .orElseGet(() -> RepoNames.fromUrl(repoUrl).orElse("local/" + workspace.session()));
        List<FieldEdit> record = new ArrayList<>(List.of(
                FieldEdit.set("session", workspace.session()),
                FieldEdit.set("repoName", repoName),
                FieldEdit.set("repoUrl", repoUrl),
                FieldEdit.set("createdAt", createdAt(git, workspace.directory()))));
        TaskId.parse(workspace.session()).ifPresent(task -> record.add(FieldEdit.set("taskId", "#" + task.number())));
        git.branch().ifPresent(branch -> record.add(FieldEdit.set("branch", branch)));
        record.add(FieldEdit.set("repoPath", workspace.directory().toAbsolutePath().normalize().toString()));
        return Finding.repairable(this, Severity.WARNING, workspace.session(),
                "workspace " + workspace.directory() + " has no session record; Minsky answers 'session not found' for it",
                "register it from its git remote, branch and first commit (sessiondb repair --check " + name() + ")", record);
    }

    /** The first commit's date in Minsky's form; without commits, when the directory was last changed. */
    private static String createdAt(GitWorkspace git, Path directory) {
        Optional<Instant> firstCommit = git.firstCommitDate().map(Timestamp::parse).flatMap(Timestamp::toInstant);
        return MinskyDates.format(firstCommit.orElseGet(() -> lastModified(directory)));
    }

    private static Instant lastModified(Path directory) {
        try {
            return Files.getLastModifiedTime(directory).toInstant();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + directory + ": " + e.getMessage(), e);
        }
    }
}
