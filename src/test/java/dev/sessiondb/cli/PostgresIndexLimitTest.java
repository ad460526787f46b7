package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.sessiondb.job.StoreContents;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.WriteBatch;
import dev.sessiondb.store.sql.TestPostgres;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An audit: a session named with 3,005 characters passed the plan into PostgreSQL, and the run failed with the server's
 * "index row size 3024 exceeds btree version 4 maximum 2704", naming no record. SQLite has no such limit.
 */
class PostgresIndexLimitTest {

    private static final String LONG_NAME = "n".repeat(3005);
    /** 3,600 hex digits of a seeded random: PostgreSQL cannot compress them much, so the index entry stays past its limit. */
    private static final String INCOMPRESSIBLE = new Random(42).ints(1800, 0, 256)
            .mapToObj(octet -> String.format("%02x", octet)).collect(Collectors.joining());

    @TempDir
    Path dir;

    private String sourceWithALongName() {
        SessionRecord longName = SampleSessions.minskyRecord(1, 1).with("session", TextNode.valueOf(LONG_NAME));
        SessionRecord longRepo = SampleSessions.minskyRecord(2, 1).with("repoName", TextNode.valueOf("é".repeat(1400)));
        return StoreContents.create("json:" + dir.resolve("long.json"), List.of(longName, longRepo, SampleSessions.minskyRecord(3, 1))).display();
    }

    @Test
    void thePlanOfANewPostgresStoreRefusesAValueTooLongForItsIndexNamingTheRecord() {
        String source = sourceWithALongName();
        String target = TestPostgres.get().freshSchema().display();

        CliRun plan = CliRun.of("migrate", source, target, "--dry-run", "--backup-dir", dir.resolve("j").toString());
        CliRun run = CliRun.of("migrate", source, target, "--backup-dir", dir.resolve("j").toString());

        assertThat(plan.out()).contains("Would refuse: ", LONG_NAME.substring(0, 80) + "… (3005 characters): its session name is 3005 bytes long in UTF-8"
                + " (3005 characters); PostgreSQL's index on it takes at most 2600 (a btree entry holds 2704 bytes); shorten it in the source",
                ": repoName is 2800 bytes long in UTF-8 (1400 characters)");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("its session name is 3005 bytes long").doesNotContain("index row size");
        assertThat(CliRun.of("ls", target).exitCode()).as("nothing was created").isEqualTo(2);
    }

    @Test
    void thePlanOfAMergeIntoAnExistingPostgresStoreRefusesItToo() {
        String source = sourceWithALongName();
        StoreLocator target = StoreContents.create(TestPostgres.get().freshSchema().display(), SampleSessions.minskyList(2, 5));

        CliRun run = CliRun.of("migrate", source, target.display(), "--mode", "merge", "--backup-dir", dir.resolve("j").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("would refuse 2 records (each listed in the plan), first " + LONG_NAME.substring(0, 80) + "… (3005 characters):"
                + " its session name is 3005 bytes long in UTF-8").doesNotContain("index row size");
        assertThat(StoreContents.records(target)).hasSize(2);
    }

    /** A write no plan came before (the store's own API) still fails whole, in words that say what to do. */
    @Test
    void aWriteTheIndexRefusesSaysSoAndHowToNameTheRecord() {
        StoreLocator target = StoreContents.create(TestPostgres.get().freshSchema().display(), SampleSessions.minskyList(2, 5));
        List<SessionRecord> records = List.of(SampleSessions.minskyRecord(1, 1).with("session", TextNode.valueOf(INCOMPRESSIBLE)));

        try (SessionStore store = StoreFactory.open(target, OpenMode.EXISTING)) {
            assertThatThrownBy(() -> store.write(WriteBatch.replaceAll(records.iterator(), 1), ProgressMonitor.NONE))
                    .hasMessageContaining("a value is too long for PostgreSQL's index (ERROR: index row size")
                    .hasMessageContaining("nothing was changed; a session name, taskId, repoName or createdAt may take 2600 bytes there:"
                            + " run the job with --dry-run to name the records, and shorten them in the source");
        }
        assertThat(StoreContents.records(target)).hasSize(2);
    }

    /** An edit in the window writes one record: the failure names it, cut to its start. */
    @Test
    void aSingleRecordWriteTheIndexRefusesNamesTheRecordCut() {
        StoreLocator target = StoreContents.create(TestPostgres.get().freshSchema().display(), SampleSessions.minskyList(2, 5));
        SessionRecord record = SampleSessions.minskyRecord(1, 1).with("session", TextNode.valueOf(INCOMPRESSIBLE));

        try (SessionStore store = StoreFactory.open(target, OpenMode.EXISTING)) {
            assertThatThrownBy(() -> store.writeIfUnchanged(record.key(), Optional.empty(), Optional.of(record)))
                    .hasMessageContaining("writing session " + INCOMPRESSIBLE.substring(0, 80) + "… (3600 characters) failed: a value is too long for"
                            + " PostgreSQL's index")
                    .hasMessageNotContaining(INCOMPRESSIBLE.substring(0, 200));
        }
    }

    @Test
    void sqliteKeepsSuchAName() {
        String source = sourceWithALongName();
        String target = "sqlite:" + dir.resolve("long.db");

        CliRun run = CliRun.of("migrate", source, target, "--backup-dir", dir.resolve("j").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(StoreContents.records(target)).extracting(SessionRecord::key).contains(LONG_NAME);
    }
}
