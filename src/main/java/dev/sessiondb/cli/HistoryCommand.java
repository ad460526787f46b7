package dev.sessiondb.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.catalog.CatalogException;
import dev.sessiondb.catalog.HistoryReader;
import dev.sessiondb.catalog.PastJob;
import dev.sessiondb.job.backup.Backup;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.store.StoreLocator;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "history", description = "List the jobs run (migrate, consolidate, repair, edits in the app, undo), newest first, from the job history.")
final class HistoryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--store", paramLabel = "STORE", description = "Only the jobs that read or wrote this store.")
    String store;

    @Option(names = "--limit", paramLabel = "N", description = "At most N jobs (default: ${DEFAULT-VALUE}).")
    int limit = 50;

    @Option(names = "--format", description = "table or json (default: ${DEFAULT-VALUE}).", completionCandidates = OutputFormat.TableOrJson.class)
    OutputFormat format = OutputFormat.TABLE;

    @Mixin
    BackupDirOption backupDir;

    @Override
    public Integer call() {
        if (limit < 1) {
            throw new IllegalArgumentException("--limit " + limit + ": give a number of jobs, 1 or more");
        }
        Optional<StoreLocator> only = Optional.ofNullable(store).map(StoreLocator::parse);
        BackupJournal journal = new BackupJournal(backupDir.folderToRead());
        print(jobs(journal, only), journal, spec.commandLine().getOut());
        return SessionDbCommand.OK;
    }

    private List<PastJob> jobs(BackupJournal journal, Optional<StoreLocator> only) {
        try {
            return new HistoryReader(journal, Notices.of(spec.commandLine())::warning).jobs(only, limit);
        } catch (CatalogException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private void print(List<PastJob> jobs, BackupJournal journal, PrintWriter out) {
        if (format == OutputFormat.JSON) {
            OutputFormat.printJsonArray(jobs, job -> {
                ObjectNode json = job.toJson();
                comparison(job, journal).ifPresent(command -> json.put("compareWithBackup", command));
                return json;
            }, out);
            return;
        }
        if (jobs.isEmpty()) {
            out.printf("No jobs recorded in %s.%n", BackupDirOption.described(journal.root()));
            return;
        }
        for (PastJob job : jobs) {
            String counts = job.counts().entrySet().stream().map(count -> count.getKey() + ": " + String.format("%,d", count.getValue()))
                    .collect(Collectors.joining(", "));
            out.printf("%-24s %-12s %-24s %s%s%n    %s%n", job.startedAt(), job.kind(), job.ending(),
                    job.undone() ? "undone  " : "", job.runId(), job.description());
            job.undoneBy().ifPresent(by -> out.printf("    undone %s%n", by));
            job.stopReason().ifPresent(why -> out.printf("    why: %s%n", why));
            job.unfinishedTarget().ifPresent(left -> out.printf("    %s%n", left));
            comparison(job, journal).ifPresent(command -> out.printf("    compare with its backup: %s%n", command));
            if (!counts.isEmpty()) {
                out.printf("    %s%n", counts);
            }
            job.backupId().ifPresent(id -> out.printf("    backup %s%s%n", id, job.undoable() ? undoHint(id, journal) : ""));
            job.prunedBackupId().ifPresent(id -> out.printf("    backup %s (pruned)%n", id));
        }
    }

    /** As migrate says it, from the backup: one of a target the run made holds nothing to put back, so undo removes the target. */
    private static String undoHint(String backupId, BackupJournal journal) {
        return JobPrinter.undoHint(backupId, journal.find(backupId).map(Backup::storeWasAbsent).orElse(false));
    }

    /** For a run that did not finish and took a backup still kept: the diff of its target against that backup. */
    private static Optional<String> comparison(PastJob job, BackupJournal journal) {
        if (job.unfinishedTarget().isEmpty() || job.target().isEmpty()) {
            return Optional.empty();
        }
        return job.backupId().flatMap(journal::find).flatMap(journal::copyOf)
                .map(copy -> "sessiondb diff " + quoted(copy.toString()) + " " + quoted(job.target().get()));
    }

    private static String quoted(String argument) {
        return "'" + argument.replace("'", "'\\''") + "'";
    }
}
