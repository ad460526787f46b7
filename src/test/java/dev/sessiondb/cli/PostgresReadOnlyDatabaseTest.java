package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.job.StoreContents;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.sql.TestPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A PostgreSQL database that takes no write (a standby server, {@code default_transaction_read_only} set on it): it is read
 * as any other, and a job writing it said only "writing failed (ERROR: cannot execute CREATE TABLE AS in a read-only
 * transaction)". It now says the database is read-only and what to do.
 */
class PostgresReadOnlyDatabaseTest {

    @TempDir
    Path dir;

    private String store;
    private String journal;

    @BeforeEach
    void aStoreInADatabaseSetReadOnly() {
        StoreLocator database = TestPostgres.get().freshDatabase();
        StoreContents.create(database.display(), SampleSessions.minskyList(6, 1));
        store = database.display();
        String name = store.substring(store.lastIndexOf('/') + 1);
        TestPostgres.get().execute("ALTER DATABASE " + name + " SET default_transaction_read_only = on");
        journal = dir.resolve("journal").toString();
    }

    @Test
    void itIsReadAsAnyOther() {
        CliRun listed = CliRun.of("ls", store);
        assertThat(listed.exitCode()).as(listed.err()).isZero();
        assertThat(listed.out()).contains("6 sessions");
        CliRun copied = CliRun.of("migrate", store, "json:" + dir.resolve("out.json"), "--backup-dir", journal);
        assertThat(copied.exitCode()).as(copied.err()).isZero();
    }

    @Test
    void aJobWritingItSaysTheDatabaseIsReadOnlyAndWhatToDo() {
        Path source = dir.resolve("in.json");
        StoreContents.create("json:" + source, SampleSessions.minskyList(3, 2));

        CliRun migrated = CliRun.of("migrate", "json:" + source, store, "--mode", "replace", "--backup-dir", journal);

        assertThat(migrated.exitCode()).isEqualTo(2);
        assertThat(migrated.err()).contains("PostgreSQL refuses every write here: the database is read-only", "the target was not changed",
                "connect to the primary server or a writable database");
        assertThat(CliRun.of("ls", store).out()).contains("6 sessions");
    }
}
