package dev.sessiondb.faults;

import dev.sessiondb.catalog.CatalogRecorder;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.store.StoreLocator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A second process in the middle of a job's backup, for a test to kill: starts a migrate run in
 * the journal {@code args[0]} into the store {@code args[1]} (so it holds the run's lock), writes
 * a part of a backup's copy ({@code args[2]} bytes, no manifest yet), prints the run id and holds
 * on until its stdin closes.
 */
public final class RunCopyingItsBackup {

    private RunCopyingItsBackup() {
    }

    public static void main(String[] args) throws Exception {
        BackupJournal journal = CatalogRecorder.journal(Path.of(args[0]), System.err::println);
        StoreLocator target = StoreLocator.parse(args[1]);
        String runId = journal.startRun("migrate", "migrate json:a.json -> " + args[1], List.of(), target).runId();
        Path copy = journal.root().resolve("backups").resolve(runId + "-beef").resolve("data");
        Files.createDirectories(copy.getParent());
        Files.write(copy, new byte[Integer.parseInt(args[2])]);
        System.out.println(runId);
        System.out.flush();
        while (System.in.read() >= 0) {
            // copying, until the test kills this process or lets go
        }
    }
}
