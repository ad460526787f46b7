package dev.sessiondb.validation;

import static dev.sessiondb.validation.CheckRuns.minsky;
import static dev.sessiondb.validation.CheckRuns.record;
import static dev.sessiondb.validation.CheckRuns.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.model.JsonCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workspace checks: folders on disk without a record (registered by repair) and records whose folder is gone. */
class WorkspaceChecksTest {

    @TempDir
    Path dir;

    @Test
    void workspaceDirectoriesWithoutRecordsAreFoundInBothMinskyLayoutsAndDescribedFromGit() throws Exception {
        Path state = dir.resolve("state");
        GitRepos.create(state.resolve("sessions/task#120"), "git@github.com:edobry/minsky.git", "task#120", "2025-06-01T10:00:00Z");
        GitRepos.create(state.resolve("git/local-minsky/sessions/old-work"), "/Users/me/Projects/minsky", "old-work", "2025-04-02T08:30:00+02:00");
        Files.createDirectories(state.resolve("sessions/registered"));
        Files.createDirectories(state.resolve("sessions/by-path"));

        List<Finding> findings = run(dir, "workspace-unregistered", List.of(state),
                minsky("registered", ""), minsky("other", ",\"repoPath\":\"" + state.resolve("sessions/by-path") + "\""));

        assertThat(findings).extracting(Finding::session).containsExactly("task#120", "old-work");
        ObjectNode created = JsonCodec.MAPPER.createObjectNode();
        findings.get(0).edits().forEach(edit -> edit.applyTo(created));
        assertThat(created.toString()).isEqualTo("{\"session\":\"task#120\",\"repoName\":\"edobry/minsky\",\"repoUrl\":\"git@github.com:edobry/minsky.git\","
                + "\"createdAt\":\"2025-06-01T10:00:00.000Z\",\"taskId\":\"#120\",\"branch\":\"task#120\",\"repoPath\":\"" + state.resolve("sessions/task#120") + "\"}");
        ObjectNode old = JsonCodec.MAPPER.createObjectNode();
        findings.get(1).edits().forEach(edit -> edit.applyTo(old));
        assertThat(old.path("repoName").asText()).isEqualTo("local/minsky");
        assertThat(old.path("createdAt").asText()).isEqualTo("2025-04-02T06:30:00.000Z");
    }

    @Test
    void inAStoreWithoutRecordsEveryWorkspaceOnDiskIsUnregistered() throws Exception {
        Path state = dir.resolve("state");
        Files.createDirectories(state.resolve("sessions/first"));
        Files.createDirectories(state.resolve("sessions/second"));

        assertThat(run(dir, "workspace-unregistered", List.of(state))).extracting(Finding::session).containsExactlyInAnyOrder("first", "second");
    }

    @Test
    void aWorkspaceIsRegisteredByAnyRecordThatNamesItsSessionOrItsFolderHoweverWritten() throws Exception {
        Path state = dir.resolve("state");
        Files.createDirectories(state.resolve("sessions/by-key"));
        Files.createDirectories(state.resolve("sessions/by-path"));
        Files.createDirectories(state.resolve("sessions/unnamed"));

        List<Finding> findings = run(dir, "workspace-unregistered", List.of(state), minsky("by-key", ""),
                minsky("other", ",\"repoPath\":\"state/sessions/../sessions/by-path/\""));

        assertThat(findings).extracting(Finding::session).containsExactly("unnamed");
    }

    @Test
    void workspacesAreMissingWhereverTheirFolderIsAndStayFoundOnceTheirFolderIsKnownAbsent() throws Exception {
        Path sessions = Files.createDirectories(dir.resolve("sessions"));
        Files.createDirectories(sessions.resolve("here"));
        Files.writeString(sessions.resolve("a-file"), "not a folder");
        Path gone = dir.resolve("other-machine/sessions");

        List<Finding> findings = run(dir, "workspace-missing", List.of(),
                minsky("gone-1", ",\"repoPath\":\"" + gone.resolve("gone-1") + "\""),
                minsky("here", ",\"repoPath\":\"" + sessions.resolve("here") + "\""),
                minsky("gone-2", ",\"repoPath\":\"" + gone.resolve("gone-2") + "\""),
                minsky("not-made", ",\"repoPath\":\"" + sessions.resolve("not-made") + "\""),
                minsky("a-file", ",\"repoPath\":\"" + sessions.resolve("a-file") + "\""),
                minsky("relative", ",\"repoPath\":\"sessions/here\""),
                minsky("under-a-file", ",\"repoPath\":\"" + sessions.resolve("a-file/inside") + "\""));

        assertThat(findings).extracting(Finding::session).containsExactly("gone-1", "gone-2", "not-made", "a-file", "under-a-file");
    }

    /** The real fixture, from a Mac, told a Linux user to delete 144 sessions whose workspaces may be fine where the store was made. */
    @Test
    void aWorkspaceUnderAStateDirectoryThisMachineLacksSaysSoInsteadOfAdvisingDeletion() throws Exception {
        Files.createDirectories(dir.resolve("here/sessions"));
        Path elsewhere = dir.resolve("Users/someone/.local/state/minsky");

        List<Finding> findings = run(dir, "workspace-missing", List.of(),
                minsky("new-layout", ",\"repoPath\":\"" + elsewhere.resolve("sessions/task#002") + "\""),
                minsky("old-layout", ",\"repoPath\":\"" + elsewhere.resolve("git/local/minsky/sessions/004") + "\""),
                minsky("state-here", ",\"repoPath\":\"" + dir.resolve("here/sessions/gone") + "\""),
                minsky("other-shape", ",\"repoPath\":\"" + dir.resolve("nowhere/checkout") + "\""));

        assertThat(findings).extracting(Finding::session).containsExactly("new-layout", "old-layout", "state-here", "other-shape");
        assertThat(findings.subList(0, 2)).allSatisfy(finding -> {
            assertThat(finding.message()).endsWith("nor does its Minsky state directory " + elsewhere
                    + " (was the store made on another machine?)");
            assertThat(finding.fix()).isEqualTo("look on the machine that has " + elsewhere + ", where the workspace may be; delete the session"
                    + " only if its work is done there");
        });
        assertThat(findings.subList(2, 4)).extracting(Finding::fix)
                .containsOnly("restore the workspace (minsky session start again) or delete the session if its work is done");
    }

    private static String registered(Finding finding) {
        ObjectNode created = JsonCodec.MAPPER.createObjectNode();
        finding.edits().forEach(edit -> edit.applyTo(created));
        created.remove("repoPath");
        return created.toString();
    }

    /** An audit found registrations unlike the store's records: "#91" for md#091, "local/081" for a plain folder, a date in nanoseconds. */
    @Test
    void aRegisteredWorkspaceLooksLikeTheStoresOtherRecordsAndInventsNoRepository() throws Exception {
        Path state = dir.resolve("state");
        Path noCommits = Files.createDirectories(state.resolve("sessions/md#091"));
        GitRepos.init(noCommits, "https://github.com/edobry/minsky.git", "md#091");
        GitRepos.create(state.resolve("sessions/task-md#092"), "https://github.com/edobry/minsky.git", "task-md#092", "2025-06-01T10:00:00Z");
        Files.createDirectories(state.resolve("sessions/081"));
        Path plain = Files.createDirectories(state.resolve("sessions/task#080"));
        Files.setLastModifiedTime(plain, FileTime.from(Instant.parse("2026-01-02T03:04:05.123456789Z")));
        Files.createDirectories(state.resolve("git/local-minsky/sessions/old"));

        List<Finding> findings = run(dir, "workspace-unregistered", List.of(state),
                minsky("task#079", ",\"taskId\":\"#079\""), minsky("task#078", ",\"taskId\":\"#078\""));

        assertThat(findings).extracting(Finding::session).containsExactly("081", "md#091", "task#080", "task-md#092", "old");
        assertThat(registered(findings.get(1))).matches("\\{\"session\":\"md#091\",\"repoName\":\"edobry/minsky\",\"repoUrl\":\"https://github.com/edobry/minsky.git\","
                + "\"createdAt\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z\",\"taskId\":\"md#091\",\"branch\":\"md#091\"}");
        assertThat(registered(findings.get(3))).contains("\"taskId\":\"md#092\"");
        // a plain folder tells no repository: its record is a person's to add, not one made without a repoName every check refuses
        assertThat(findings.get(0).edits()).isEmpty();
        assertThat(findings.get(2).edits()).isEmpty();
        assertThat(findings.get(2).fix()).isEqualTo("add its record by hand with its repoName and repoUrl: the folder has no git remote to tell its repository");
        assertThat(findings.get(4).edits()).isEmpty();
    }

    /**
     * The audit: an older layout's folder, a git repository with a commit but no remote, was registered without the repoUrl
     * required-field requires, so validate flagged what repair had just written; its record is now a person's to add.
     */
    @Test
    void aWorkspaceWhoseRecordWouldLackARequiredFieldIsLeftToAPerson() throws Exception {
        Path state = dir.resolve("state");
        GitRepos.createWithoutRemote(state.resolve("git/local-minsky/sessions/task#500"), "task#500", "2026-01-05T10:00:00Z");

        List<Finding> findings = run(dir, "workspace-unregistered", List.of(state), minsky("a", ""));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.edits()).isEmpty();
            assertThat(finding.fix()).isEqualTo("add its record by hand with its repoUrl (its repoName is 'local/minsky'): the folder has no git remote"
                    + " to tell its repository");
        });
    }

    /** The audit: a workspace whose remote held a user and token was registered with them, which secret-in-record then flagged. */
    @Test
    void aRegisteredWorkspaceKeepsItsRemoteWithoutItsCredentials() throws Exception {
        Path state = dir.resolve("state");
        GitRepos.create(state.resolve("sessions/task#500"), "https://user:tok3nSecret@github.com/edobry/minsky.git", "task#500", "2026-01-05T10:00:00Z");

        List<Finding> findings = run(dir, "workspace-unregistered", List.of(state), minsky("a", ""));

        assertThat(registered(findings.get(0))).contains("\"repoName\":\"edobry/minsky\",\"repoUrl\":\"https://github.com/edobry/minsky.git\"")
                .doesNotContain("tok3nSecret");
    }

    /** What git says is written as it is: a branch named with a token would be written and then flagged, so it is a person's to register. */
    @Test
    void aWorkspaceWhoseBranchHoldsATokenIsLeftToAPerson() throws Exception {
        Path state = dir.resolve("state");
        GitRepos.create(state.resolve("sessions/task#501"), "https://github.com/edobry/minsky.git", "fix-ghp_" + "a".repeat(36), "2026-01-05T10:00:00Z");

        List<Finding> findings = run(dir, "workspace-unregistered", List.of(state), minsky("a", ""));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.edits()).isEmpty();
            assertThat(finding.fix()).isEqualTo("add its record by hand once its branch no longer holds a secret (secret-in-record would flag it);"
                    + " rename it and revoke the secret");
        });
    }

    /** A full repair renamed local/minsky to the store's local-minsky while registering a workspace as local/minsky: validate flagged it again. */
    @Test
    void aRegisteredWorkspaceSpellsItsRepositoryAsTheStoreDoes() throws Exception {
        Path state = dir.resolve("state");
        GitRepos.create(state.resolve("sessions/task#501"), "/Users/me/Projects/minsky", "task#501", "2026-01-05T10:00:00Z");

        List<Finding> findings = run(dir, "workspace-unregistered", List.of(state), record("{\"session\":\"a\",\"repoName\":\"local-minsky\"}"),
                record("{\"session\":\"b\",\"repoName\":\"local-minsky\"}"), minsky("c", ""));

        assertThat(registered(findings.get(0))).contains("\"repoName\":\"local-minsky\"");
    }
}
