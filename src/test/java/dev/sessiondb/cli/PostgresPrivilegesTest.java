package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessiondb.Fixtures;
import dev.sessiondb.job.StoreContents;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.WriteBatch;
import dev.sessiondb.store.sql.TestPostgres;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An audit: a role that may not read a store was told it holds no sessions table and planned as absent; one that may
 * only read was told "Ready to run" and then failed with advice about folders. Each now names the privilege and the GRANT.
 */
class PostgresPrivilegesTest {

    private static final String ROLE = TestPostgres.LIMITED_USER;

    @TempDir
    Path dir;

    /** A store of three records made by the administrator, and the same store as the limited role connects to it. */
    private static String storeAsReader(String... grants) {
        StoreLocator store = StoreContents.create(TestPostgres.get().freshSchema().display(), SampleSessions.minskyList(3, 1));
        return TestPostgres.get().asLimitedRole(store, grants);
    }

    private static String schemaOf(String locator) {
        return StoreLocator.parse(locator).param("schema").orElseThrow();
    }

    @Test
    void lsOfAStoreWhoseTableTheUserMayNotSelectNamesTheGrant() {
        String store = storeAsReader("GRANT USAGE ON SCHEMA %s");
        String schema = schemaOf(store);

        CliRun listed = CliRun.of("ls", store);

        assertThat(listed.exitCode()).isEqualTo(2);
        assertThat(listed.err()).contains("schema " + schema + " holds a sessions table, but user " + ROLE + " may not read it (no SELECT on table "
                + schema + ".sessions); ask an administrator of the database to run: GRANT SELECT ON " + schema + ".sessions TO " + ROLE + ";")
                .doesNotContain("no sessions table", TestPostgres.LIMITED_PASSWORD);
    }

    @Test
    void aDryRunIntoAStoreInASchemaTheUserMayNotUseSaysItCannotBeReadNotThatItIsAbsent() throws Exception {
        String store = storeAsReader();
        String schema = schemaOf(store);
        Path source = dir.resolve("in.json");
        StoreContents.create("json:" + source, SampleSessions.minskyList(2, 2));

        CliRun plan = CliRun.of("migrate", "json:" + source, store, "--mode", "merge", "--dry-run", "--backup-dir", dir.resolve("j").toString());

        assertThat(plan.exitCode()).isEqualTo(2);
        assertThat(plan.err()).contains("may not read it (no USAGE on schema " + schema + "); ask an administrator of the database to run: GRANT USAGE ON SCHEMA "
                + schema + " TO " + ROLE + "; GRANT SELECT ON " + schema + ".sessions TO " + ROLE + ";");
        assertThat(plan.out() + plan.err()).doesNotContain("does not exist yet", "target records before");
    }

    @Test
    void aPlanIntoAStoreTheUserMayOnlyReadIsRefusedAndTheRunWritesNothing() throws Exception {
        String store = storeAsReader("GRANT USAGE ON SCHEMA %s", "GRANT SELECT ON ALL TABLES IN SCHEMA %s");
        String schema = schemaOf(store);
        Path source = dir.resolve("in.json");
        StoreContents.create("json:" + source, SampleSessions.minskyList(5, 2));
        String journal = dir.resolve("j").toString();

        CliRun plan = CliRun.of("migrate", "json:" + source, store, "--mode", "merge", "--dry-run", "--backup-dir", journal);
        CliRun run = CliRun.of("migrate", "json:" + source, store, "--mode", "replace", "--backup-dir", journal);

        String refusal = "user " + ROLE + " may not write table " + schema + ".sessions (no INSERT, UPDATE, DELETE); ask an administrator of the database"
                + " to run: GRANT INSERT, UPDATE, DELETE ON " + schema + ".sessions TO " + ROLE + ";";
        assertThat(plan.out()).contains("target records before:             3", "Would refuse: ", refusal).doesNotContain("Ready to run");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(refusal).doesNotContain("folder");
        assertThat(StoreContents.records(store)).hasSize(3);
    }

    /** A native store's schema history the role may not read was read as "no version", and the run failed as a schema upgrade. */
    @Test
    void aPlanIntoANativeStoreWhoseSchemaHistoryTheUserMayNotReadIsRefused() throws Exception {
        String store = storeAsReader("GRANT USAGE ON SCHEMA %s", "GRANT SELECT, INSERT, UPDATE, DELETE ON %s.sessions");
        Path source = dir.resolve("in.json");
        StoreContents.create("json:" + source, SampleSessions.minskyList(2, 2));

        CliRun plan = CliRun.of("migrate", "json:" + source, store, "--mode", "merge", "--dry-run", "--backup-dir", dir.resolve("j").toString());

        String schema = schemaOf(store);
        assertThat(plan.exitCode()).isEqualTo(2);
        assertThat(plan.out()).contains("target records before:             3", "Would refuse: ", "user " + ROLE + " may not read table " + schema
                + ".sessiondb_schema_history (no SELECT), which a write reads for the store's schema version; ask an administrator of the database to run:"
                + " GRANT SELECT ON " + schema + ".sessiondb_schema_history TO " + ROLE + ";");
    }

    @Test
    void aPlanForANewStoreInASchemaTheUserMayNotCreateTablesInIsRefused() throws Exception {
        StoreLocator empty = TestPostgres.get().freshSchema();
        TestPostgres.get().createdSchema(empty);
        String schema = empty.param("schema").orElseThrow();
        String store = TestPostgres.get().asLimitedRole(empty, "GRANT USAGE ON SCHEMA %s");
        Path source = dir.resolve("in.json");
        StoreContents.create("json:" + source, SampleSessions.minskyList(2, 2));

        CliRun plan = CliRun.of("migrate", "json:" + source, store, "--dry-run", "--backup-dir", dir.resolve("j").toString());

        assertThat(plan.out()).contains("Would refuse: ", "user " + ROLE + " may not create the new store's tables in schema " + schema
                + " (no CREATE on it); ask an administrator to run: GRANT CREATE ON SCHEMA " + schema + " TO " + ROLE + ";");
    }

    /** An audit: repair took its backup, then failed for want of INSERT with advice about folders. */
    @Test
    void aRepairTheUserMayNotWriteIsRefusedBeforeItsBackup() {
        StoreLocator store = StoreContents.create(TestPostgres.get().freshSchema().display(), StoreContents.records("json:" + Fixtures.copy(Fixtures.MINSKY_ARRAY, dir)));
        String limited = TestPostgres.get().asLimitedRole(store, "GRANT USAGE ON SCHEMA %s", "GRANT SELECT ON ALL TABLES IN SCHEMA %s");
        String schema = store.param("schema").orElseThrow();
        Path journal = dir.resolve("j");

        CliRun repair = CliRun.of("repair", limited, "--check", "task-id-form", "--backup-dir", journal.toString());

        assertThat(repair.exitCode()).isEqualTo(2);
        assertThat(repair.err()).contains("user " + ROLE + " may not write table " + schema + ".sessions (no INSERT, UPDATE, DELETE); ask an administrator"
                + " of the database to run: GRANT INSERT, UPDATE, DELETE ON " + schema + ".sessions TO " + ROLE + ";", "nothing was changed")
                .doesNotContain("folder", "stopped while writing");
        assertThat(CliRun.of("undo", "--list", "--backup-dir", journal.toString()).out()).doesNotContain(schema);
    }

    /** What a write that the plan did not stop (an edit, a repair) says when the server refuses it: PostgreSQL's cause, not a folder's. */
    @Test
    void aWriteTheServerRefusesNamesTheMissingPrivilegeAndTheGrant() {
        String store = storeAsReader("GRANT USAGE ON SCHEMA %s", "GRANT SELECT ON ALL TABLES IN SCHEMA %s");
        String schema = schemaOf(store);

        try (SessionStore opened = StoreFactory.open(StoreLocator.parse(store), OpenMode.EXISTING)) {
            List<SessionRecord> records = SampleSessions.minskyList(1, 9);
            assertThatThrownBy(() -> opened.write(WriteBatch.replaceAll(records.iterator(), 1), ProgressMonitor.NONE))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("user " + ROLE + " may not write table " + schema + ".sessions (no INSERT, UPDATE, DELETE); ask an administrator"
                            + " of the database to run: GRANT INSERT, UPDATE, DELETE ON " + schema + ".sessions TO " + ROLE + ";")
                    .hasMessageNotContaining("folder");
        }
        assertThat(StoreContents.records(store)).hasSize(3);
    }
}
