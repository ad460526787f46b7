package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.Fixtures;
import dev.sessiondb.job.StoreContents;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.sample.SampleSessions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobCommandsTest {

    @TempDir
    Path dir;

    private Path fixture;
    private String journal;

    @BeforeEach
    void copyFixture() {
        fixture = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);
        journal = dir.resolve("journal").toString();
    }

    @Test
    void migratePrintsTheReportAndExitsZero() {
        CliRun run = CliRun.of("migrate", fixture.toString(), "json:" + dir.resolve("out.json"), "--backup-dir", journal);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("records written:", "217", "records verified:", "Done.")
                .containsPattern("  backup: (\\S+) \\(the target did not exist: undo with: sessiondb undo \\1 removes it\\)");
        assertThat(StoreContents.records("json:" + dir.resolve("out.json"))).hasSize(217);
    }

    @Test
    void migrateDryRunPrintsThePlanAsJsonAndWritesNothing() throws Exception {
        CliRun run = CliRun.of("migrate", fixture.toString(), "json:" + dir.resolve("out.json"), "--dry-run", "--format", "json",
                "--backup-dir", journal);

        assertThat(run.exitCode()).isZero();
        assertThat(JsonCodec.parse(run.out()).path("counts").path("source records").asLong()).isEqualTo(217);
        assertThat(dir.resolve("out.json")).doesNotExist();
        assertThat(Path.of(journal)).doesNotExist();
    }

    @Test
    void aTargetThatExistsWithoutAModeIsOneLineAndExitTwo() {
        StoreContents.create("json:" + dir.resolve("other.json"), SampleSessions.minskyList(3, 1));
        byte[] before = StoreContents.bytes(dir.resolve("other.json")).get("");

        CliRun run = CliRun.of("migrate", fixture.toString(), "json:" + dir.resolve("other.json"), "--backup-dir", journal);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).hasSize(1).first().asString().startsWith("sessiondb: target json:").contains("--mode replace");
        assertThat(StoreContents.bytes(dir.resolve("other.json")).get("")).isEqualTo(before);
    }

    @Test
    void aReplaceFromASourceWithNoSessionsIsRefusedAndTheTargetKept() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.json"), "[]");
        byte[] before = StoreContents.bytes(fixture).get("");

        CliRun run = CliRun.of("migrate", "json:" + empty, fixture.toString(), "--mode", "replace", "--backup-dir", journal);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).hasSize(1).first().asString()
                .contains("the source holds no sessions: --mode replace would leave target json:" + fixture + " with none of its 217 records");
        assertThat(StoreContents.bytes(fixture).get("")).isEqualTo(before);
    }

    @Test
    void aFolderWithoutSessionFilesIsNotTakenForAnEmptyStore() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("not-a-store"));
        Files.writeString(folder.resolve("notes.txt"), "hello");

        CliRun run = CliRun.of("info", folder.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("a folder without session files (*.json); prefix it with jsondir: if it is an empty magellai folder");
        assertThat(CliRun.of("info", "jsondir:" + folder).exitCode()).as("named, it is an empty store").isZero();
    }

    @Test
    void aJsonFileBeginningWithAByteOrderMarkIsRecognised() throws Exception {
        Path marked = dir.resolve("marked.json");
        Files.write(marked, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        Files.write(marked, Files.readAllBytes(fixture), StandardOpenOption.APPEND);

        CliRun run = CliRun.of("ls", marked.toString(), "--limit", "1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("session 1 of 217");
    }

    @Test
    void aMissingSourceIsOneLineAndExitTwo() {
        CliRun run = CliRun.of("migrate", "json:" + dir.resolve("missing.json"), "json:" + dir.resolve("out.json"), "--backup-dir", journal);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("sessiondb: source json:" + dir.resolve("missing.json") + ": no such store; check the path or URL"
                + System.lineSeparator());
        assertThat(dir.resolve("out.json")).doesNotExist();
    }

    @Test
    void aCorruptSourceIsOneLineNamingTheFileAndNothingIsWritten() throws Exception {
        Path corrupt = dir.resolve("corrupt.json");
        Files.writeString(corrupt, "[{\"session\": \"a\", \"repoName\": ");

        CliRun run = CliRun.of("migrate", "json:" + corrupt, "sqlite:" + dir.resolve("out.db"), "--backup-dir", journal);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).hasSize(1).first().asString().startsWith("sessiondb: ").contains("corrupt.json");
        assertThat(dir.resolve("out.db")).doesNotExist();
        // the one-pass write into a new store enters the run in the history first, as the app does: it is listed failed, with no backup
        assertThat(new BackupJournal(Path.of(journal)).list()).isEmpty();
    }

    /** Naming the target among the sources said "X and X are the same store; name each store once", not which was the target nor how to merge into it. */
    @Test
    void aTargetAlsoNamedAsASourceIsRefusedSayingHowToMergeIntoIt() throws Exception {
        Path other = dir.resolve("other.json");
        StoreContents.create("json:" + other, SampleSessions.minskyList(3, 1));
        String before = Files.readString(fixture);

        CliRun run = CliRun.of("consolidate", fixture.toString(), other.toString(), "--into", fixture.toString(), "--backup-dir", journal);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).containsExactly("sessiondb: the target json:" + fixture + " (--into) is also source 1; consolidate never"
                + " writes into a store it reads, and nothing was written: to merge the other sources into it, leave it out of the sources"
                + " and add --mode merge (its own sessions then take part in each conflict), or name a new store with --into");
        assertThat(Files.readString(fixture)).isEqualTo(before);
    }

    /** A migration into its own source said "X and Y are the same store; name each store once", not which was the target nor what to do. */
    @Test
    void aMigrationIntoItsOwnSourceIsRefusedNamingTheTarget() throws Exception {
        String before = Files.readString(fixture);

        for (String target : List.of("json:" + fixture, "sqlite:" + fixture)) {
            CliRun run = CliRun.of("migrate", fixture.toString(), target, "--backup-dir", journal);

            assertThat(run.exitCode()).as(target).isEqualTo(2);
            assertThat(run.err().lines()).as(target).containsExactly("sessiondb: the target " + target + " is the source json:" + fixture
                    + "; migrate never writes into the store it reads, and nothing was written: name a new store as the target, check it,"
                    + " then put it in the old one's place if that is where you want it");
        }
        assertThat(Files.readString(fixture)).isEqualTo(before);
    }

    @Test
    void twoNamesForOneSourceAreOneLineAndExitTwo() {
        CliRun run = CliRun.of("consolidate", fixture.toString(), "json:" + fixture, "--into", "json:" + dir.resolve("out.json"),
                "--backup-dir", journal);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).containsExactly("sessiondb: json:" + fixture + " and json:" + fixture + " are the same store; name each store once");
        assertThat(dir.resolve("out.json")).doesNotExist();
    }

    @Test
    void undoListsBackupsAndRestoresTheLastOne() {
        StoreContents.create("json:" + dir.resolve("other.json"), SampleSessions.minskyList(3, 1));
        byte[] before = StoreContents.bytes(dir.resolve("other.json")).get("");
        assertThat(CliRun.of("migrate", fixture.toString(), "json:" + dir.resolve("other.json"), "--mode", "replace",
                "--backup-dir", journal).exitCode()).isZero();

        CliRun list = CliRun.of("undo", "--list", "--backup-dir", journal);
        assertThat(list.out()).contains("migrate json:" + fixture, "3 records");

        CliRun undo = CliRun.of("undo", "--backup-dir", journal);
        assertThat(undo.exitCode()).as(undo.err()).isZero();
        assertThat(undo.out()).startsWith("Restored json:" + dir.resolve("other.json"));
        assertThat(StoreContents.bytes(dir.resolve("other.json")).get("")).isEqualTo(before);
    }

    @Test
    void undoWithNothingToRestoreSaysSo() {
        CliRun run = CliRun.of("undo", "--backup-dir", journal);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("sessiondb: no backup left to restore in ");
    }

    @Test
    void consolidateAcceptsKeepBothAndEndsWithTheMinskySettings() throws Exception {
        CliRun run = consolidateTwoSources("json:" + dir.resolve("merged/session-db.json"), "--on-conflict", "keep-both");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("kept under a new key:", "export MINSKY_SESSIONDB_BACKEND=json");
        assertThat(run.out().strip()).endsWith("so every workspace uses this one.");
    }

    @Test
    void consolidateIntoANativeSqliteStoreNamesTheLayoutFlagMinskyNeeds() {
        CliRun run = consolidateTwoSources("sqlite:" + dir.resolve("merged.db"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().strip()).endsWith("  Minsky reads only its own layout and this store has the native layout: consolidate with --layout minsky"
                + " (a dry run shows any field Minsky's layout cannot hold).");
    }

    @Test
    void consolidateFailOnConflictIsExitTwoAndWritesNothing() {
        CliRun run = consolidateTwoSources("json:" + dir.resolve("out.json"), "--on-conflict", "fail");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(Files.exists(dir.resolve("out.json"))).isFalse();
    }

    /** Consolidates two JSON stores of five sessions each, two of them differing, into {@code target}. */
    private CliRun consolidateTwoSources(String target, String... options) {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        StoreContents.create("json:" + a, SampleSessions.minskyList(5, 1));
        StoreContents.create("json:" + b, SampleSessions.minskyList(5, 2));
        List<String> args = new ArrayList<>(List.of("consolidate", a.toString(), b.toString(), "--into", target, "--backup-dir", journal));
        args.addAll(List.of(options));
        return CliRun.of(args.toArray(String[]::new));
    }

    /** The consolidation audit's repro: the dry run said only "is replaced by a different version", and the run wrote the 2025 s1 over the 2026 one. */
    @Test
    void consolidateMergeKeepsTheTargetsNewerVersionAndTheDryRunSaysSoFirst() throws Exception {
        Path laptop = Files.writeString(dir.resolve("laptop.json"), "[{\"session\":\"s1\",\"branch\":\"laptop\",\"lastActivityAt\":\"2025-01-01T00:00:00Z\"}]");
        Path work = Files.writeString(dir.resolve("work.json"),
                "[{\"session\":\"s1\",\"branch\":\"NEW-workstation-work\",\"lastActivityAt\":\"2026-06-01T00:00:00Z\"}]");

        CliRun dryRun = CliRun.of("consolidate", "json:" + laptop, "--into", "json:" + work, "--mode", "merge", "--dry-run", "--backup-dir", journal);
        CliRun run = CliRun.of("consolidate", "json:" + laptop, "--into", "json:" + work, "--mode", "merge", "--backup-dir", journal);

        String line = "warning: conflict on s1 (sources 1, target): newest: kept the version in the target, newer than every source's;"
                + " no source's version is written; fields that differ: branch, lastActivityAt";
        assertThat(dryRun.out()).contains(line).doesNotContain("replaced by a different version");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains(line);
        assertThat(StoreContents.records("json:" + work)).singleElement().satisfies(record -> assertThat(record.branch()).contains("NEW-workstation-work"));
    }

    /** A bad-input audit: an unusable --backup-dir was found after the write, as a failed verification naming an exception class. */
    @Test
    void aBackupFolderThatCannotBeMadeStopsTheJobBeforeAnythingIsWritten() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("a-file"), "");
        Path target = dir.resolve("never.db");

        CliRun run = CliRun.of("migrate", "json:" + fixture, "sqlite:" + target, "--backup-dir", notAFolder.resolve("backups").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("cannot keep backups and job reports in " + notAFolder.resolve("backups") + " (" + notAFolder + " is not a folder)",
                "nothing was read or written; choose another folder with --backup-dir").doesNotContain("Exception");
        assertThat(target).doesNotExist();
    }

    /** A second audit: a target named 'b{x.json' failed with "Missing '}' near index 33": its leftover temps were matched by a glob. */
    @Test
    void aTargetWhoseNameHoldsGlobCharactersIsWritten() {
        for (String name : List.of("b{x.json", "c[x*.db")) {
            Path target = dir.resolve(name);

            CliRun run = CliRun.of("migrate", "json:" + fixture, (name.endsWith(".db") ? "sqlite:" : "json:") + target, "--backup-dir", journal);

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(target).exists();
        }
    }
}
