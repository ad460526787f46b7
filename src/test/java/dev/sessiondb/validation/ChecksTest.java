package dev.sessiondb.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.SecretMasker;
import dev.sessiondb.model.SessionKind;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreInfo;
import dev.sessiondb.store.StoreLayout;
import dev.sessiondb.store.StoreLocator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChecksTest {

    @TempDir
    Path dir;

    private static SessionRecord record(String json) {
        try {
            return SessionRecord.of((ObjectNode) JsonCodec.parse(json));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static SessionRecord minsky(String session, String extra) {
        return record("{\"session\":\"" + session + "\",\"repoName\":\"local/minsky\",\"repoUrl\":\"/r\",\"createdAt\":\"2025-05-16T22:16:33.321Z\"" + extra + "}");
    }

    private List<Finding> run(String check, List<Path> workspaces, SessionRecord... records) {
        StoreLocator locator = StoreLocator.of(StoreFormat.JSON, dir.resolve("session-db.json"));
        ValidationContext context = new ValidationContext(locator,
                new StoreInfo(locator.display(), StoreFormat.JSON, StoreLayout.MINSKY, "bare array", records.length, null, List.of()), workspaces, dir);
        List<Finding> findings = new ArrayList<>();
        new Validator(Checks.create(List.of(check), context)).run(() -> List.of(records).iterator(), records.length, findings::add, ProgressMonitor.NONE);
        return findings;
    }

    /** The desktop app offered a chat server's store Minsky's checks of task ids, repositories, workspaces and pull requests. */
    @Test
    void theChecksLeftOutForAChatServersOrMagellaisSessionsFindNothingInThem() {
        SessionRecord[] chatAndMagellai = LongStream.range(0, 6)
                .mapToObj(index -> index % 2 == 0 ? SampleSessions.chatRecord(index) : SampleSessions.magellaiRecord(index)).toArray(SessionRecord[]::new);

        assertThat(Checks.applyingTo(SessionKind.CHAT)).isEqualTo(Checks.applyingTo(SessionKind.MAGELLAI))
                .containsExactly("required-field", "invalid-date", "duplicate-session", "secret-in-record", "schema-drift", "store-damage");
        assertThat(Checks.applyingTo(SessionKind.MINSKY)).isEqualTo(Checks.applyingTo(SessionKind.OTHER)).isEqualTo(Checks.NAMES);
        Checks.NAMES.stream().filter(check -> !Checks.applyingTo(SessionKind.CHAT).contains(check))
                .forEach(check -> assertThat(run(check, List.of(), chatAndMagellai)).as(check).isEmpty());
    }

    @Test
    void aTaskIdIsQualifiedOnlyWithTheBackendItsSessionsNameGivesOrTheStoresOnlyOne() {
        List<Finding> mixed = run("task-id-form", List.of(),
                minsky("a", ",\"taskId\":\"mt#1\""), minsky("b", ",\"taskId\":\"mt#2\""), minsky("c", ",\"taskId\":\"md#3\""),
                minsky("task-md#000007", ",\"taskId\":\"000007\""), minsky("plain", ",\"taskId\":\"#8\""));
        List<Finding> oneBackend = run("task-id-form", List.of(),
                minsky("a", ",\"taskId\":\"mt#1\""), minsky("b", ",\"taskId\":\"mt#2\""), minsky("plain", ",\"taskId\":\"#8\""));

        assertThat(mixed).extracting(Finding::session).containsExactly("task-md#000007", "plain");
        assertThat(mixed.get(0).edits()).containsExactly(FieldEdit.set("taskId", "md#000007"));
        assertThat(mixed.get(1).isRepairable()).isFalse();
        assertThat(mixed.get(1).fix()).isEqualTo("qualify it with its own backend (like md#8): this store names several backends, and the session's"
                + " name does not say which");
        assertThat(oneBackend).singleElement().satisfies(finding -> assertThat(finding.edits()).containsExactly(FieldEdit.set("taskId", "mt#8")));
    }

    @Test
    void missingRequiredFieldsAreErrorsAndARepoNameIsDerivedFromTheUrl() {
        List<Finding> findings = run("required-field", List.of(),
                record("{\"session\":\"a\",\"repoUrl\":\"https://github.com/edobry/minsky.git\",\"createdAt\":\"2025-05-16T22:16:33.321Z\"}"),
                record("{\"session\":\"b\",\"repoName\":\"x\",\"repoUrl\":\"/r\"}"));

        assertThat(findings).extracting(Finding::session, Finding::message).containsExactly(
                Tuple.tuple("a", "required field 'repoName' is missing or empty"),
                Tuple.tuple("b", "required field 'createdAt' is missing or empty"));
        assertThat(findings.get(0).edits()).containsExactly(FieldEdit.set("repoName", "edobry/minsky"));
        assertThat(findings.get(1).isRepairable()).isFalse();
    }

    /**
     * A chat server's sessions table declares tenant_id and created_at NOT NULL, but required-field flagged nothing in a chat
     * server's session: one without a tenant or a date was found only by a migration into those tables, or not at all.
     */
    @Test
    void aChatServersSessionRequiresATenantAndADateWhichOnlyAPersonCanSet() {
        List<Finding> findings = run("required-field", List.of(),
                record("{\"id\":\"chat-1\",\"tenantId\":null,\"createdAt\":\"2025-05-16T22:16:33Z\"}"),
                record("{\"id\":\"chat-2\",\"tenantId\":\" \",\"createdAt\":\"2025-05-16T22:16:33Z\"}"),
                record("{\"id\":\"chat-3\",\"tenantId\":\"acme\"}"),
                record("{\"id\":\"chat-4\",\"tenantId\":\"acme\",\"userId\":\"\",\"createdAt\":\"2025-05-16T22:16:33Z\"}"));

        assertThat(findings).extracting(Finding::session, Finding::message, Finding::fix).containsExactly(
                Tuple.tuple("chat-1", "required field 'tenantId' is missing or empty",
                        "set tenantId by hand (the tenant the chat server keeps the session under)"),
                Tuple.tuple("chat-2", "required field 'tenantId' is missing or empty",
                        "set tenantId by hand (the tenant the chat server keeps the session under)"),
                Tuple.tuple("chat-3", "required field 'createdAt' is missing or empty",
                        "set createdAt by hand (an ISO-8601 date such as 2025-05-16T22:16:33.321Z)"));
        assertThat(findings).noneMatch(Finding::isRepairable);
    }

    /** A bad-input audit: a repoName that is an array was "missing", a taskId that is an object "none". */
    @Test
    void aRequiredFieldOrATaskIdThatIsNotTextIsNamedForWhatItIs() {
        List<Finding> required = run("required-field", List.of(),
                record("{\"session\":\"a\",\"repoName\":[\"a\"],\"repoUrl\":\"/r\",\"createdAt\":\"2025-05-16T22:16:33.321Z\"}"));
        List<Finding> taskId = run("task-id-missing", List.of(), minsky("task#015", ",\"taskId\":{}"));

        assertThat(required).extracting(Finding::message).containsExactly("required field 'repoName' is an array, not text");
        assertThat(taskId).extracting(Finding::message)
                .containsExactly("session 'task#015' is named for task #15 but its taskId is an object, not text; lookups by task miss it");
    }

    @Test
    void unparseableDatesAreErrorsAndOddButValidOnesAreRewrittenInMinskysForm() {
        List<Finding> findings = run("invalid-date", List.of(),
                record("{\"session\":\"a\",\"createdAt\":\"yesterday\"}"),
                record("{\"session\":\"b\",\"createdAt\":\"2025-05-16 22:16:33\",\"pullRequest\":{\"lastSynced\":\"2025-05-16T22:16:33.321Z\"}}"),
                record("{\"session\":\"c\",\"createdAt\":\"2025-05-12T09:14:03.512884+02:00\",\"created\":\"2025-05-12T09:14:03+02:00\"}"),
                record("{\"session\":\"d\",\"createdAt\":\"2025-05-16T22:16:33.5Z\",\"lastActivityAt\":\"2025-05-16T22:16:33Z\"}"));

        assertThat(findings).extracting(Finding::session).containsExactly("a", "b", "c");
        assertThat(findings).extracting(Finding::severity).containsExactly(Severity.ERROR, Severity.WARNING, Severity.WARNING);
        assertThat(findings.get(1).edits()).containsExactly(FieldEdit.set("createdAt", "2025-05-16T22:16:33.000Z"));
        assertThat(findings.get(2).edits()).containsExactly(FieldEdit.set("createdAt", "2025-05-12T07:14:03.512884Z"));
    }

    @Test
    void aGithubTokenInARecordIsAnErrorAndRepairRemovesIt() {
        List<Finding> findings = run("secret-in-record", List.of(),
                minsky("a", ",\"github\":{\"owner\":\"o\",\"repo\":\"r\",\"token\":\"ghp_abcdefghijklmnopqrstuvwxyz123456\"}"));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.message()).isEqualTo("a secret is stored in github.token").doesNotContain("ghp_");
            assertThat(finding.edits()).containsExactly(FieldEdit.remove("github.token"));
        });
    }

    /**
     * Repair writes no mask into a store: a URL loses its credentials whole, a field that is a secret by its name or holds
     * only a token goes, and a secret inside other text, or in a field that names the session or its work, needs a person.
     */
    @Test
    void aSecretIsTakenOutWholeOrLeftToAPersonNeverMasked() {
        List<Finding> findings = run("secret-in-record", List.of(),
                record("{\"session\":\"a\",\"repoName\":\"local/minsky\",\"repoUrl\":\"https://alice:S3cretPassw0rd@github.com/edobry/minsky.git\","
                        + "\"createdAt\":\"2025-05-16T22:16:33.321Z\",\"notes\":\"deploy with password=hunter2hunter2\","
                        + "\"glab\":\"glpat-ABCDEFGHIJKLMNOPQRST\",\"Password\":\"UpperPass1\",\"branch\":\"feature/sk-ABCDEFGHIJKLMNOPQRSTUV7777\"}"),
                record("{\"session\":\"ghp_SESSIONNAMETOKENabcdefghijklmnop9999\",\"repoName\":\"r\",\"repoUrl\":\"/r\","
                        + "\"createdAt\":\"2025-05-16T22:16:33.321Z\",\"taskId\":\"#ghp_TASKTOKENabcdefghijklmnopq1234\"}"));

        assertThat(findings).extracting(Finding::message).containsExactly("a secret is stored in repoUrl", "a secret is stored in notes",
                "a secret is stored in glab", "a secret is stored in Password", "a secret is stored in branch",
                "a secret is stored in session", "a secret is stored in taskId");
        assertThat(findings).flatExtracting(Finding::edits).containsExactly(
                FieldEdit.set("repoUrl", "https://github.com/edobry/minsky.git"), FieldEdit.remove("glab"), FieldEdit.remove("Password"));
        assertThat(findings).filteredOn(finding -> !finding.isRepairable()).extracting(Finding::fix).satisfiesExactly(
                notes -> assertThat(notes).startsWith("edit the secret out of notes by hand and revoke it"),
                branch -> assertThat(branch).startsWith("rename it by hand where it is used (branch names"),
                session -> assertThat(session).startsWith("give the session a new name in Minsky and revoke it"),
                taskId -> assertThat(taskId).startsWith("rename it by hand where it is used (taskId names"));
        assertThat(findings).flatExtracting(Finding::edits).noneMatch(edit -> edit.value() != null && edit.value().asText().contains("****"));
        assertThat(findings).allSatisfy(finding -> assertThat(SecretMasker.maskText(null, finding.fix())).as("shown as it is").isEqualTo(finding.fix()));
    }

    /** The copy an earlier repair wrote of a record whose name held a token (its key "****9999") is flagged for a person. */
    @Test
    void aSessionNamedByAMaskIsLeftToAPersonAsTheCopyAnEarlierRepairMayHaveWritten() {
        List<Finding> findings = run("secret-in-record", List.of(), minsky("****9999", ",\"branch\":\"feature/****7777\""));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.message()).isEqualTo("the session's name holds a mask (****9999)");
            assertThat(finding.severity()).isEqualTo(Severity.WARNING);
            assertThat(finding.fix()).contains("compare it with the record of the same taskId and createdAt and keep one", "sessiondb history");
            assertThat(finding.isRepairable()).isFalse();
            assertThat(SecretMasker.maskText(null, finding.fix())).as("shown as it is").isEqualTo(finding.fix());
        });
    }

    /**
     * The repair walks a path by its dots: for a field whose name holds one it would read nothing and write a new object
     * over the field named by the name's first part ("notes" here), keeping the secret. Such a secret needs a person.
     */
    @Test
    void aSecretUnderANameWithADotIsLeftToAPerson() {
        List<Finding> findings = run("secret-in-record", List.of(),
                minsky("a", ",\"notes\":\"keep me\",\"notes.v1\":\"password=hunter2hunter2\",\"env\":{\"DB.TOKEN\":\"abcdefgh\"}"));

        assertThat(findings).extracting(Finding::message).containsExactly("a secret is stored in notes.v1", "a secret is stored in env.DB.TOKEN");
        assertThat(findings).noneMatch(Finding::isRepairable);
    }

    /** An audit: repair removed "passwordHint", a field a secret's word names but that holds no secret. */
    @Test
    void aFieldNamedAfterASecretButHoldingSomethingElseIsLeftToAPerson() {
        List<Finding> findings = run("secret-in-record", List.of(),
                minsky("a", ",\"passwordHint\":\"dog's name\",\"token_type\":\"bearer\",\"dbPassword\":\"hunter2hunter2\",\"credentials\":{\"u\":\"x\"}"));

        assertThat(findings).filteredOn(Finding::isRepairable).flatExtracting(Finding::edits).extracting(FieldEdit::path)
                .containsExactly("dbPassword", "credentials");
        assertThat(findings).filteredOn(finding -> !finding.isRepairable()).extracting(Finding::message)
                .containsExactly("a secret is stored in passwordHint", "a secret is stored in token_type");
    }

    /**
     * An audit: a secret held as a number or down an array or object, or kept as a name, was neither masked nor flagged. Each is
     * flagged once, at its field; under a secret's name the field is removed whole, a name that is a token is left to a
     * person and not quoted.
     */
    @Test
    void aSecretOfAnyTypeIsFlaggedAndRemovedWholeUnderItsNameAndATokenKeptAsANameIsLeftToAPerson() {
        List<Finding> findings = run("secret-in-record", List.of(),
                minsky("a", ",\"password\":123456789,\"github\":{\"owner\":\"o\",\"token\":[\"plaintokenA\"]},\"apiKey\":{\"v\":\"nestedkey\"},"
                        + "\"cache\":{\"ghp_KEYASNAMEabcdefghijklmnopqrstuv12\":\"repoA\"},\"requiresPassword\":false,\"max_tokens\":4096"));

        assertThat(findings).extracting(Finding::message).containsExactly("a secret is stored in password", "a secret is stored in github.token",
                "a secret is stored in apiKey", "a secret is stored in cache.****uv12");
        assertThat(findings).filteredOn(Finding::isRepairable).extracting(Finding::message)
                .as("a field named for a secret goes whole, whatever it holds").containsExactly("a secret is stored in password",
                        "a secret is stored in github.token", "a secret is stored in apiKey");
        assertThat(findings).filteredOn(Finding::isRepairable).flatExtracting(Finding::edits).extracting(FieldEdit::path)
                .containsExactly("password", "github.token", "apiKey");
        assertThat(findings).filteredOn(finding -> !finding.isRepairable()).extracting(Finding::message).containsExactly("a secret is stored in cache.****uv12");
    }

    @Test
    void aStatusThatContradictsTheSyncedPullRequestIsSetFromIt() {
        List<Finding> findings = run("pr-state-mismatch", List.of(),
                minsky("a", ",\"status\":\"PR_OPEN\",\"pullRequest\":{\"state\":\"merged\",\"headBranch\":\"a\"},\"prBranch\":\"a\""),
                minsky("b", ",\"status\":\"PR_APPROVED\",\"pullRequest\":{\"state\":\"open\",\"headBranch\":\"x\"},\"prBranch\":\"b\""));

        assertThat(findings).extracting(Finding::session, Finding::message).containsExactly(
                Tuple.tuple("a", "status is PR_OPEN but the pull request is merged"),
                Tuple.tuple("b", "prBranch 'b' differs from pullRequest.headBranch 'x'"));
        assertThat(findings.get(0).edits()).containsExactly(FieldEdit.set("status", "MERGED"));
    }

    @Test
    void theSameKeyTwiceIsAnError() {
        List<Finding> findings = run("duplicate-session", List.of(), minsky("a", ""), minsky("b", ""), minsky("a", ""));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.message()).contains("appears more than once (2 records)");
        });
    }

    @Test
    void workspaceDirectoriesWithoutRecordsAreFoundInBothMinskyLayoutsAndDescribedFromGit() throws Exception {
        Path state = dir.resolve("state");
        GitRepos.create(state.resolve("sessions/task#120"), "git@github.com:edobry/minsky.git", "task#120", "2025-06-01T10:00:00Z");
        GitRepos.create(state.resolve("git/local-minsky/sessions/old-work"), "/Users/me/Projects/minsky", "old-work", "2025-04-02T08:30:00+02:00");
        Files.createDirectories(state.resolve("sessions/registered"));
        Files.createDirectories(state.resolve("sessions/by-path"));

        List<Finding> findings = run("workspace-unregistered", List.of(state),
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

        assertThat(run("workspace-unregistered", List.of(state))).extracting(Finding::session).containsExactlyInAnyOrder("first", "second");
    }

    @Test
    void aWorkspaceIsRegisteredByAnyRecordThatNamesItsSessionOrItsFolderHoweverWritten() throws Exception {
        Path state = dir.resolve("state");
        Files.createDirectories(state.resolve("sessions/by-key"));
        Files.createDirectories(state.resolve("sessions/by-path"));
        Files.createDirectories(state.resolve("sessions/unnamed"));

        List<Finding> findings = run("workspace-unregistered", List.of(state), minsky("by-key", ""),
                minsky("other", ",\"repoPath\":\"state/sessions/../sessions/by-path/\""));

        assertThat(findings).extracting(Finding::session).containsExactly("unnamed");
    }

    @Test
    void workspacesAreMissingWhereverTheirFolderIsAndStayFoundOnceTheirFolderIsKnownAbsent() throws Exception {
        Path sessions = Files.createDirectories(dir.resolve("sessions"));
        Files.createDirectories(sessions.resolve("here"));
        Files.writeString(sessions.resolve("a-file"), "not a folder");
        Path gone = dir.resolve("other-machine/sessions");

        List<Finding> findings = run("workspace-missing", List.of(),
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

        List<Finding> findings = run("workspace-missing", List.of(),
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

        List<Finding> findings = run("workspace-unregistered", List.of(state),
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

        List<Finding> findings = run("workspace-unregistered", List.of(state), minsky("a", ""));

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

        List<Finding> findings = run("workspace-unregistered", List.of(state), minsky("a", ""));

        assertThat(registered(findings.get(0))).contains("\"repoName\":\"edobry/minsky\",\"repoUrl\":\"https://github.com/edobry/minsky.git\"")
                .doesNotContain("tok3nSecret");
    }

    /** What git says is written as it is: a branch named with a token would be written and then flagged, so it is a person's to register. */
    @Test
    void aWorkspaceWhoseBranchHoldsATokenIsLeftToAPerson() throws Exception {
        Path state = dir.resolve("state");
        GitRepos.create(state.resolve("sessions/task#501"), "https://github.com/edobry/minsky.git", "fix-ghp_" + "a".repeat(36), "2026-01-05T10:00:00Z");

        List<Finding> findings = run("workspace-unregistered", List.of(state), minsky("a", ""));

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

        List<Finding> findings = run("workspace-unregistered", List.of(state), record("{\"session\":\"a\",\"repoName\":\"local-minsky\"}"),
                record("{\"session\":\"b\",\"repoName\":\"local-minsky\"}"), minsky("c", ""));

        assertThat(registered(findings.get(0))).contains("\"repoName\":\"local-minsky\"");
    }

    @Test
    void aSessionNamedForAQualifiedTaskKeepsItsBackendAndItsDigits() {
        List<Finding> findings = run("task-id-missing", List.of(), minsky("a", ",\"taskId\":\"#079\""), minsky("task-md#092", ""),
                minsky("md#007", ""), minsky("task#080", ""), minsky("081", ""));

        assertThat(findings).extracting(finding -> finding.edits().get(0).value().asText()).containsExactly("md#092", "md#007", "#080");
    }

    @Test
    void aSessionNamedTaskAndItsNumberAloneIsNamedForThatTaskButOneWithMoreToItsNameIsNot() {
        List<Finding> findings = run("task-id-missing", List.of(), minsky("a", ",\"taskId\":\"#079\""), minsky("task025", ""),
                minsky("task-96", ""), minsky("task-071-tests", ""), minsky("test-task-002-validation", ""));

        assertThat(findings).extracting(Finding::session).containsExactly("task025", "task-96");
        assertThat(findings).extracting(finding -> finding.edits().get(0).value().asText()).containsExactly("#025", "#96");
    }

    @Test
    void aChatOrMagellaiSessionNamedLikeATaskIsNotToldToCarryMinskysTaskId() {
        SessionRecord chat = record("{\"id\":\"task-12\",\"tenantId\":\"acme\",\"createdAt\":\"2025-05-16T22:16:33Z\"}");
        SessionRecord magellai = record("{\"id\":\"task#13\",\"conversation\":{\"messages\":[]},\"created\":\"2025-05-16T22:16:33Z\"}");

        assertThat(run("task-id-missing", List.of(), chat, magellai, minsky("task-14", ""))).extracting(Finding::session).containsExactly("task-14");
    }

    @Test
    void aTieBetweenTwoFormsOffersNoRewrite() {
        List<Finding> findings = run("task-id-form", List.of(), minsky("a", ",\"taskId\":\"#079\""), minsky("b", ",\"taskId\":\"080\""));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.isRepairable()).isFalse();
            assertThat(finding.message()).isEqualTo("taskId '080' is written as bare digits (like 079), like 1 of this store's 2 task ids;"
                    + " no form is the store's own: #digits (like #079) and bare digits (like 079) are equally common (1 of 2 each)");
        });
    }

    @Test
    void aTieOfTwoFormsCountsTheThirdFormAsItIs() {
        List<Finding> findings = run("task-id-form", List.of(), minsky("a", ",\"taskId\":\"#071\""), minsky("b", ",\"taskId\":\"#072\""),
                minsky("c", ",\"taskId\":\"#073\""), minsky("d", ",\"taskId\":\"md#074\""), minsky("e", ",\"taskId\":\"md#075\""),
                minsky("f", ",\"taskId\":\"md#076\""), minsky("g", ",\"taskId\":\"079\""));

        assertThat(findings).filteredOn(finding -> finding.session().equals("g")).singleElement()
                .satisfies(finding -> assertThat(finding.message()).isEqualTo("taskId '079' is written as bare digits (like 079), like 1 of this"
                        + " store's 7 task ids; no form is the store's own: backend#digits (like md#079) and #digits (like #079) are equally"
                        + " common (3 of 7 each)"));
    }

    @Test
    void anUnknownCheckNameIsRejectedWithTheKnownOnes() {
        assertThatThrownBy(() -> run("no-such-check", List.of()))
                .hasMessageStartingWith("unknown check 'no-such-check'; use one of required-field, invalid-date");
    }

    /** The desktop app named checks as the CLI does, "repo-name-variant": each has words of its own, told apart from the others. */
    @Test
    void everyCheckHasALabelInAUsersWordsOfItsOwn() {
        assertThat(Checks.NAMES).allSatisfy(name -> assertThat(Checks.label(name)).as(name).isNotBlank().isNotEqualTo(name).doesNotContain("-"));
        assertThat(Checks.NAMES.stream().map(Checks::label).distinct()).hasSameSizeAs(Checks.NAMES);
        assertThat(Checks.label("repo-name-variant")).isEqualTo("Repository name spelled differently");
        assertThatThrownBy(() -> Checks.label("no-such-check")).hasMessageStartingWith("unknown check 'no-such-check'");
    }
}
