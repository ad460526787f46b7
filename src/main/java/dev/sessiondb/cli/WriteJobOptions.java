package dev.sessiondb.cli;

import dev.sessiondb.job.Job;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.job.transfer.TargetMode;
import dev.sessiondb.store.StoreLayout;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The options every command that writes a target shares: layout, mode, dry run, loss, verification, report format, backups. */
final class WriteJobOptions {

    @Option(names = "--layout", paramLabel = "native|minsky", description = "Layout of a new target (default: native, which keeps every field).")
    String layout;

    @Option(names = "--mode", paramLabel = "new|replace|merge",
            description = "new: the target must be absent or empty; replace: it ends up holding exactly the job's records; merge: records are added or replaced by key. Default: refuse a target that holds records.")
    TargetMode mode;

    @Option(names = "--dry-run", description = "Show the plan (counts, fields the target cannot hold, date coercions, conflicts) and write nothing.")
    boolean dryRun;

    @Option(names = "--allow-loss", description = "Write even when the target layout cannot hold some fields, or would cut a date's digits past the millisecond;"
            + " the plan and the report list each.")
    boolean allowLoss;

    @Option(names = "--no-verify", negatable = false, description = "Skip the count and per-record hash check after writing.")
    boolean noVerify;

    @Option(names = "--format", description = "table or json (default: ${DEFAULT-VALUE}).", completionCandidates = OutputFormat.TableOrJson.class)
    OutputFormat format = OutputFormat.TABLE;

    @Mixin
    BackupDirOption backupDir;

    Optional<StoreLayout> layout() {
        return Optional.ofNullable(layout).map(StoreLayout::parse);
    }

    Optional<TargetMode> mode() {
        return Optional.ofNullable(mode);
    }

    boolean verify() {
        return !noVerify;
    }

    BackupJournal journal(Notices notices) {
        return backupDir.journal(notices);
    }

    /** The plan for a dry run, else the job itself; returns the exit code. */
    int execute(Job job, CommandLine line) {
        return dryRun ? JobRunner.dryRun(job, format, line) : JobRunner.run(job, format, line, backupDir.reportsDir());
    }
}
