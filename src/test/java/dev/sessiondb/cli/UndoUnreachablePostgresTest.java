package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.job.StoreContents;
import dev.sessiondb.job.backup.Backup;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.sql.TestPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pass over the CLI found undo of a job whose PostgreSQL store it cannot log in to warning that it could not check for
 * later changes, then failing with the same words again: one problem read twice.
 */
class UndoUnreachablePostgresTest {

    @TempDir
    Path dir;

    /** The job's URL held the password; its backup keeps none, and no PGPASSWORD or ~/.pgpass gives one to undo. */
    @Test
    void aStoreUndoCannotLogInToIsNamedOnceWithWhatToDo() {
        TestPostgres postgres = TestPostgres.get();
        String target = "postgresql://" + TestPostgres.PASSWORD_USER + ":" + TestPostgres.PASSWORD + "@" + postgres.host() + ":" + postgres.port()
                + "/" + postgres.database() + "?schema=undo_login_" + ProcessHandle.current().pid() + "_" + System.nanoTime();
        StoreLocator source = StoreContents.create("json:" + dir.resolve("source.json"), SampleSessions.minskyList(3, 1));
        CliRun migrate = CliRun.of("migrate", source.toString(), target, "--backup-dir", dir.resolve("journal").toString());
        assertThat(migrate.exitCode()).as(migrate.err()).isZero();
        Backup jobs = new UndoDesk(dir).journal().latestNotRestored().orElseThrow();

        CliRun undo = new UndoDesk(dir).undo();

        assertThat(undo.exitCode()).isEqualTo(SessionDbCommand.BAD_INPUT);
        assertThat(undo.err().lines()).singleElement().asString()
                .contains("asks user " + TestPostgres.PASSWORD_USER + " for a password and none was given")
                .contains("nothing was restored; once the store can be reached, run sessiondb undo " + jobs.id() + " again")
                .doesNotContain("could not be checked").doesNotContain(TestPostgres.PASSWORD);
        assertThat(new UndoDesk(dir).journal().require(jobs.id()).restoredAt()).isEmpty();
    }
}
