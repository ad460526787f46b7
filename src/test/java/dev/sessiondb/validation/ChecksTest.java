package dev.sessiondb.validation;

import static dev.sessiondb.validation.CheckRuns.minsky;
import static dev.sessiondb.validation.CheckRuns.record;
import static dev.sessiondb.validation.CheckRuns.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessiondb.model.SecretMasker;
import dev.sessiondb.model.SessionKind;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.sample.SampleSessions;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChecksTest {

    @TempDir
    Path dir;

    /** The desktop app offered a chat server's store Minsky's checks of task ids, repositories, workspaces and pull requests. */
    @Test
    void theChecksLeftOutForAChatServersOrMagellaisSessionsFindNothingInThem() {
        SessionRecord[] chatAndMagellai = LongStream.range(0, 6)
                .mapToObj(index -> index % 2 == 0 ? SampleSessions.chatRecord(index) : SampleSessions.magellaiRecord(index)).toArray(SessionRecord[]::new);

        assertThat(Checks.applyingTo(SessionKind.CHAT)).isEqualTo(Checks.applyingTo(SessionKind.MAGELLAI))
                .containsExactly("required-field", "invalid-date", "duplicate-session", "secret-in-record", "schema-drift", "store-damage");
        assertThat(Checks.applyingTo(SessionKind.MINSKY)).isEqualTo(Checks.applyingTo(SessionKind.OTHER)).isEqualTo(Checks.NAMES);
        Checks.NAMES.stream().filter(check -> !Checks.applyingTo(SessionKind.CHAT).contains(check))
                .forEach(check -> assertThat(run(dir, check, List.of(), chatAndMagellai)).as(check).isEmpty());
    }

    @Test
    void aTaskIdIsQualifiedOnlyWithTheBackendItsSessionsNameGivesOrTheStoresOnlyOne() {
        List<Finding> mixed = run(dir, "task-id-form", List.of(),
                minsky("a", ",\"taskId\":\"mt#1\""), minsky("b", ",\"taskId\":\"mt#2\""), minsky("c", ",\"taskId\":\"md#3\""),
                minsky("task-md#000007", ",\"taskId\":\"000007\""), minsky("plain", ",\"taskId\":\"#8\""));
        List<Finding> oneBackend = run(dir, "task-id-form", List.of(),
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
        List<Finding> findings = run(dir, "required-field", List.of(),
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
        List<Finding> findings = run(dir, "required-field", List.of(),
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
        List<Finding> required = run(dir, "required-field", List.of(),
                record("{\"session\":\"a\",\"repoName\":[\"a\"],\"repoUrl\":\"/r\",\"createdAt\":\"2025-05-16T22:16:33.321Z\"}"));
        List<Finding> taskId = run(dir, "task-id-missing", List.of(), minsky("task#015", ",\"taskId\":{}"));

        assertThat(required).extracting(Finding::message).containsExactly("required field 'repoName' is an array, not text");
        assertThat(taskId).extracting(Finding::message)
                .containsExactly("session 'task#015' is named for task #15 but its taskId is an object, not text; lookups by task miss it");
    }

    @Test
    void unparseableDatesAreErrorsAndOddButValidOnesAreRewrittenInMinskysForm() {
        List<Finding> findings = run(dir, "invalid-date", List.of(),
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
        List<Finding> findings = run(dir, "secret-in-record", List.of(),
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
        List<Finding> findings = run(dir, "secret-in-record", List.of(),
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
        List<Finding> findings = run(dir, "secret-in-record", List.of(), minsky("****9999", ",\"branch\":\"feature/****7777\""));

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
        List<Finding> findings = run(dir, "secret-in-record", List.of(),
                minsky("a", ",\"notes\":\"keep me\",\"notes.v1\":\"password=hunter2hunter2\",\"env\":{\"DB.TOKEN\":\"abcdefgh\"}"));

        assertThat(findings).extracting(Finding::message).containsExactly("a secret is stored in notes.v1", "a secret is stored in env.DB.TOKEN");
        assertThat(findings).noneMatch(Finding::isRepairable);
    }

    /** An audit: repair removed "passwordHint", a field a secret's word names but that holds no secret. */
    @Test
    void aFieldNamedAfterASecretButHoldingSomethingElseIsLeftToAPerson() {
        List<Finding> findings = run(dir, "secret-in-record", List.of(),
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
        List<Finding> findings = run(dir, "secret-in-record", List.of(),
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
        List<Finding> findings = run(dir, "pr-state-mismatch", List.of(),
                minsky("a", ",\"status\":\"PR_OPEN\",\"pullRequest\":{\"state\":\"merged\",\"headBranch\":\"a\"},\"prBranch\":\"a\""),
                minsky("b", ",\"status\":\"PR_APPROVED\",\"pullRequest\":{\"state\":\"open\",\"headBranch\":\"x\"},\"prBranch\":\"b\""));

        assertThat(findings).extracting(Finding::session, Finding::message).containsExactly(
                Tuple.tuple("a", "status is PR_OPEN but the pull request is merged"),
                Tuple.tuple("b", "prBranch 'b' differs from pullRequest.headBranch 'x'"));
        assertThat(findings.get(0).edits()).containsExactly(FieldEdit.set("status", "MERGED"));
    }

    @Test
    void theSameKeyTwiceIsAnError() {
        List<Finding> findings = run(dir, "duplicate-session", List.of(), minsky("a", ""), minsky("b", ""), minsky("a", ""));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.message()).contains("appears more than once (2 records)");
        });
    }

    @Test
    void aSessionNamedForAQualifiedTaskKeepsItsBackendAndItsDigits() {
        List<Finding> findings = run(dir, "task-id-missing", List.of(), minsky("a", ",\"taskId\":\"#079\""), minsky("task-md#092", ""),
                minsky("md#007", ""), minsky("task#080", ""), minsky("081", ""));

        assertThat(findings).extracting(finding -> finding.edits().get(0).value().asText()).containsExactly("md#092", "md#007", "#080");
    }

    @Test
    void aSessionNamedTaskAndItsNumberAloneIsNamedForThatTaskButOneWithMoreToItsNameIsNot() {
        List<Finding> findings = run(dir, "task-id-missing", List.of(), minsky("a", ",\"taskId\":\"#079\""), minsky("task025", ""),
                minsky("task-96", ""), minsky("task-071-tests", ""), minsky("test-task-002-validation", ""));

        assertThat(findings).extracting(Finding::session).containsExactly("task025", "task-96");
        assertThat(findings).extracting(finding -> finding.edits().get(0).value().asText()).containsExactly("#025", "#96");
    }

    @Test
    void aChatOrMagellaiSessionNamedLikeATaskIsNotToldToCarryMinskysTaskId() {
        SessionRecord chat = record("{\"id\":\"task-12\",\"tenantId\":\"acme\",\"createdAt\":\"2025-05-16T22:16:33Z\"}");
        SessionRecord magellai = record("{\"id\":\"task#13\",\"conversation\":{\"messages\":[]},\"created\":\"2025-05-16T22:16:33Z\"}");

        assertThat(run(dir, "task-id-missing", List.of(), chat, magellai, minsky("task-14", ""))).extracting(Finding::session).containsExactly("task-14");
    }

    @Test
    void aTieBetweenTwoFormsOffersNoRewrite() {
        List<Finding> findings = run(dir, "task-id-form", List.of(), minsky("a", ",\"taskId\":\"#079\""), minsky("b", ",\"taskId\":\"080\""));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.isRepairable()).isFalse();
            assertThat(finding.message()).isEqualTo("taskId '080' is written as bare digits (like 079), like 1 of this store's 2 task ids;"
                    + " no form is the store's own: #digits (like #079) and bare digits (like 079) are equally common (1 of 2 each)");
        });
    }

    @Test
    void aTieOfTwoFormsCountsTheThirdFormAsItIs() {
        List<Finding> findings = run(dir, "task-id-form", List.of(), minsky("a", ",\"taskId\":\"#071\""), minsky("b", ",\"taskId\":\"#072\""),
                minsky("c", ",\"taskId\":\"#073\""), minsky("d", ",\"taskId\":\"md#074\""), minsky("e", ",\"taskId\":\"md#075\""),
                minsky("f", ",\"taskId\":\"md#076\""), minsky("g", ",\"taskId\":\"079\""));

        assertThat(findings).filteredOn(finding -> finding.session().equals("g")).singleElement()
                .satisfies(finding -> assertThat(finding.message()).isEqualTo("taskId '079' is written as bare digits (like 079), like 1 of this"
                        + " store's 7 task ids; no form is the store's own: backend#digits (like md#079) and #digits (like #079) are equally"
                        + " common (3 of 7 each)"));
    }

    @Test
    void anUnknownCheckNameIsRejectedWithTheKnownOnes() {
        assertThatThrownBy(() -> run(dir, "no-such-check", List.of()))
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
