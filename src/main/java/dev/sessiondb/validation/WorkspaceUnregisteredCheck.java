package dev.sessiondb.validation;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.model.SecretMasker;
import dev.sessiondb.model.SessionField;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.model.Timestamp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Workspace directories on disk that no record names, by session or by repoPath: Minsky
 * answers "session not found" for them. Repair registers each one from its git remote,
 * branch and first commit date, its task id and repoName written as the store writes them (hence the survey).
 * A registration required-field or secret-in-record would flag (no git remote, so no repoUrl; a token in a branch) is left to a
 * person; a remote's credentials are left out of its repoUrl.
 */
final class WorkspaceUnregisteredCheck extends TaskIdFormsSurvey {

    private final List<Path> stateDirs;
    private final Path baseDirectory;
    /**
     * The workspaces on disk that no record has named yet, by directory in the order they were
     * found, and their directories by session name: listed at the first record, each crossed out
     * as a record names it. A store's records are not kept (a million named workspaces, kept as
     * paths, were 300 MB for the collector to copy), and with no workspace on disk a record costs
     * nothing.
     */
    private Map<Path, MinskyWorkspaces> unnamed;
    private final Map<String, List<Path>> directoriesBySession = new HashMap<>();
    private final RepoNameSpellings spellings = new RepoNameSpellings();

    WorkspaceUnregisteredCheck(List<Path> stateDirs, Path baseDirectory) {
        this.stateDirs = List.copyOf(stateDirs);
        this.baseDirectory = baseDirectory;
    }

    @Override
    public String name() {
        return "workspace-unregistered";
    }

    @Override
    public Set<SessionField> surveyedFields() {
        return Set.of(SessionField.TASK_ID, SessionField.REPO_NAME);
    }

    @Override
    public void survey(SessionRecord record) {
        super.survey(record);
        record.repoName().ifPresent(spellings::count);
    }

    /** Only workspaces to register need the store's task-id forms and repository spellings: without any, a survey would read the store for nothing. */
    @Override
    public boolean needsSurvey() {
        return !unnamed().isEmpty();
    }

    /** Crosses out the workspaces the record names; what is left is reported at the end, so no survey is needed. */
    @Override
    public void inspect(SessionRecord record, Consumer<Finding> findings) {
        Map<Path, MinskyWorkspaces> left = unnamed();
        if (left.isEmpty()) {
            return;
        }
        List<Path> sameSession = directoriesBySession.remove(record.key());
        if (sameSession != null) {
            sameSession.forEach(left::remove);
        }
        record.repoPath().filter(path -> !path.isBlank()).ifPresent(path -> {
            try {
                left.remove(baseDirectory.resolve(path).toAbsolutePath().normalize());
            } catch (InvalidPathException ignored) {
                // a path that cannot exist names no workspace on disk
            }
        });
    }

    @Override
    public void finish(Consumer<Finding> findings) {
        unnamed().values().forEach(workspace -> findings.accept(finding(workspace)));
    }

    private Map<Path, MinskyWorkspaces> unnamed() {
        if (unnamed == null) {
            unnamed = new LinkedHashMap<>();
            for (Path stateDir : stateDirs) {
                for (MinskyWorkspaces workspace : MinskyWorkspaces.under(stateDir)) {
                    Path directory = workspace.directory().toAbsolutePath().normalize();
                    unnamed.put(directory, workspace);
                    directoriesBySession.computeIfAbsent(workspace.session(), session -> new ArrayList<>()).add(directory);
                }
            }
        }
        return unnamed;
    }

    /**
     * The record Minsky would have written, from what the folder says: the repository from its git remote (or, in the
     * older layout, the repository folder it sits in), never made up from the folder's own name, which is not a repository.
     * Its repoName is spelled as the store spells that repository, the spelling repo-name-variant renames the others to.
     */
    private Finding finding(MinskyWorkspaces workspace) {
        GitWorkspace git = GitWorkspace.read(workspace.directory());
        // a remote's credentials are git's to keep (a credential helper), never the store's: secret-in-record would flag them
        Optional<String> remoteUrl = git.remoteUrl().map(SecretMasker::withoutUrlCredentials);
        Optional<String> repoName = remoteUrl.flatMap(RepoNames::fromUrl).or(workspace::repoDirName)
                .map(name -> spellings.norm(name).orElse(name));
        List<FieldEdit> record = new ArrayList<>(List.of(FieldEdit.set("session", workspace.session())));
        repoName.ifPresent(name -> record.add(FieldEdit.set("repoName", name)));
        remoteUrl.ifPresent(url -> record.add(FieldEdit.set("repoUrl", url)));
        record.add(FieldEdit.set("createdAt", createdAt(git, workspace.directory())));
        forms.namedBy(workspace.session()).ifPresent(taskId -> record.add(FieldEdit.set("taskId", taskId)));
        git.branch().ifPresent(branch -> record.add(FieldEdit.set("branch", branch)));
        record.add(FieldEdit.set("repoPath", workspace.directory().toAbsolutePath().normalize().toString()));
        String problem = "workspace " + workspace.directory() + " has no session record; Minsky answers 'session not found' for it";
        List<String> secrets = asRecord(record).secretPaths();
        if (!secrets.isEmpty()) {
            // what git or the folder's name says is written as it is: a token in a branch or folder name is a person's to rename
            return Finding.of(this, Severity.WARNING, workspace.session(), problem, "add its record by hand once its "
                    + String.join(" and ", secrets) + " no longer holds a secret (secret-in-record would flag it); rename it and revoke the secret");
        }
        List<String> missing = RequiredFieldCheck.missingFields(asRecord(record));
        if (!missing.isEmpty()) {
            // a record required-field would flag is one every store or check refuses: a person must say which repository it is
            String known = repoName.filter(name -> !missing.contains("repoName")).map(name -> " (its repoName is '" + name + "')").orElse("");
            String why = git.remoteUrl().isPresent() ? "its git remote names no repository" : "the folder has no git remote to tell its repository";
            return Finding.of(this, Severity.WARNING, workspace.session(), problem,
                    "add its record by hand with its " + String.join(" and ", missing) + known + ": " + why);
        }
        return Finding.repairable(this, Severity.WARNING, workspace.session(), problem,
                "register it from its git remote, branch and first commit (sessiondb repair --check " + name() + ")", record);
    }

    private static SessionRecord asRecord(List<FieldEdit> edits) {
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        edits.forEach(edit -> edit.applyTo(fields));
        return SessionRecord.of(fields);
    }

    /**
     * The first commit's date in Minsky's form; without commits, when the directory was last changed, to the millisecond
     * as Minsky writes dates (a file system's nanoseconds would make it unlike every other record).
     */
    private static String createdAt(GitWorkspace git, Path directory) {
        Optional<Instant> firstCommit = git.firstCommitDate().map(Timestamp::parse).flatMap(Timestamp::toInstant);
        return MinskyDates.format(firstCommit.orElseGet(() -> lastModified(directory).truncatedTo(ChronoUnit.MILLIS)));
    }

    private static Instant lastModified(Path directory) {
        try {
            return Files.getLastModifiedTime(directory).toInstant();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + directory + ": " + e.getMessage(), e);
        }
    }
}
