package dev.sessiondb.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.catalog.LaterChanges;
import dev.sessiondb.cli.CliRun;
import dev.sessiondb.job.StoreContents;
import dev.sessiondb.job.backup.Backup;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.sql.TestPostgres;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A replace into an existing PostgreSQL store whose connection is cut at its COMMIT ({@link CommitCuttingProxy}): the job asks
 * the server whether the transaction committed. Committed, the write took effect and the job goes on; rolled back, the target was
 * not changed and the backup goes; not yet ended, the backup stays and the failure says the target may have changed.
 */
class LostCommitPostgresTest {

    private static final List<SessionRecord> OLD = SampleSessions.minskyList(30, 1);
    private static final List<SessionRecord> NEW = SampleSessions.minskyList(40, 2);

    @TempDir
    Path dir;

    /**
     * The COMMIT reached the server before the cut ({@code REPLY}: its reply alone was lost), or only after it, as the job asked
     * ({@code COMMIT_UNTIL_ASKED}): either way it committed, so the write took effect and the job goes on to its check.
     */
    @ParameterizedTest
    @EnumSource(value = CommitCuttingProxy.Cut.class, names = {"REPLY", "COMMIT_UNTIL_ASKED"})
    void aCommitTheServerGotTookEffectAndTheJobGoesOn(CommitCuttingProxy.Cut cut) throws Exception {
        StoreLocator target = StoreContents.create(TestPostgres.get().freshSchema().toString(), OLD);
        try (CommitCuttingProxy proxy = proxy(cut)) {
            CliRun replace = replace(through(proxy, target));

            assertThat(proxy.fired()).as(replace.out() + replace.err()).isTrue();
            assertThat(replace.exitCode()).as(replace.err()).isZero();
            assertThat(replace.out()).contains("records verified:                  40");
        }
        assertThat(keys(target)).containsExactlyInAnyOrderElementsOf(keys(NEW));
        assertThat(journal().list()).hasSize(1);
    }

    @Test
    void aCommitTheServerNeverGotLeftTheTargetAsItWasAndItsBackupGoes() throws Exception {
        StoreLocator target = StoreContents.create(TestPostgres.get().freshSchema().toString(), OLD);
        try (CommitCuttingProxy proxy = proxy(CommitCuttingProxy.Cut.COMMIT)) {
            CliRun replace = replace(through(proxy, target));

            assertThat(proxy.fired()).as(replace.out() + replace.err()).isTrue();
            assertThat(replace.exitCode()).isNotZero();
            assertThat(replace.err()).contains("the target was not changed");
        }
        assertThat(keys(target)).containsExactlyInAnyOrderElementsOf(keys(OLD));
        assertThat(journal().list()).isEmpty();
    }

    /**
     * The server holds the transaction open past the job's asking: whether it commits is unknown, so the backup stays and the
     * failure names it; once the server rolls it back, undo finds the store holding the backup's records.
     */
    @Test
    void aCommitStillUnsettledWhenAskedKeepsTheBackupAndSaysTheTargetMayHaveChanged() throws Exception {
        StoreLocator target = StoreContents.create(TestPostgres.get().freshSchema().toString(), OLD);
        try (CommitCuttingProxy proxy = proxy(CommitCuttingProxy.Cut.COMMIT_HELD)) {
            CliRun replace = replace(through(proxy, target));

            assertThat(proxy.fired()).as(replace.out() + replace.err()).isTrue();
            assertThat(replace.exitCode()).isNotZero();
            assertThat(replace.err()).contains("the target may have changed").doesNotContain("the target was not changed");
            Backup kept = journal().list().get(0);
            assertThat(replace.err()).contains("sessiondb undo " + kept.id());

            proxy.dropHeld();
            LaterChanges later = LaterChanges.look(journal(), kept);

            assertThat(later.verdict()).isEqualTo(LaterChanges.Verdict.NONE);
            assertThat(later.details()).contains("it did not, " + kept.locator() + " holds the records that backup holds");
        }
        assertThat(keys(target)).containsExactlyInAnyOrderElementsOf(keys(OLD));
    }

    private CliRun replace(StoreLocator target) {
        StoreLocator source = StoreContents.create("json:" + dir.resolve("new.json"), NEW);
        return CliRun.of("migrate", source.toString(), target.toString(), "--mode", "replace", "--backup-dir", dir.resolve("journal").toString());
    }

    private BackupJournal journal() {
        return new BackupJournal(dir.resolve("journal"));
    }

    private static CommitCuttingProxy proxy(CommitCuttingProxy.Cut cut) throws Exception {
        return new CommitCuttingProxy(TestPostgres.get().host(), TestPostgres.get().port(), cut);
    }

    private static StoreLocator through(CommitCuttingProxy proxy, StoreLocator target) {
        return StoreLocator.parse(target.toString().replace(":" + TestPostgres.get().port() + "/", ":" + proxy.port() + "/"));
    }

    private static List<String> keys(StoreLocator store) {
        return keys(StoreContents.records(store));
    }

    private static List<String> keys(List<SessionRecord> records) {
        return records.stream().map(SessionRecord::key).toList();
    }
}
