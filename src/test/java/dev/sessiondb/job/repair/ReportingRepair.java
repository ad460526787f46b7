package dev.sessiondb.job.repair;

import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.StoreLocator;
import java.nio.file.Path;
import java.util.List;

/**
 * A repair in a child JVM that prints where it is ({@code writing} when a phase starts,
 * {@code writing 50} when it is at least half done), so a test can kill it at a chosen point. Args: STORE JOURNAL-DIR.
 */
public final class ReportingRepair {

    static final List<String> CHECKS = List.of("repo-name-variant", "task-id-form");
    static final String DONE = "done";

    private ReportingRepair() {
    }

    public static void main(String[] args) {
        RepairJob job = new RepairJob(StoreLocator.parse(args[0]), CHECKS, List.of(), new BackupJournal(Path.of(args[1])));
        job.run(new ProgressMonitor() {
            private String phase = "starting";
            private long lastTenth = -1;

            @Override
            public void message(String text) {
                phase = text;
                lastTenth = -1;
                System.out.println(phase);
                System.out.flush();
            }

            @Override
            public void progress(long done, long total) {
                long tenth = total > 0 ? done * 10 / total : 0;
                if (tenth != lastTenth) {
                    lastTenth = tenth;
                    System.out.println(phase + " " + tenth * 10);
                    System.out.flush();
                }
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        });
        System.out.println(DONE);
    }
}
