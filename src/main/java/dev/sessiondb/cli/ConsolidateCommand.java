package dev.sessiondb.cli;

import dev.sessiondb.job.consolidate.ConflictPolicy;
import dev.sessiondb.job.consolidate.ConsolidateJob;
import dev.sessiondb.job.consolidate.ConsolidateOptions;
import dev.sessiondb.job.transfer.TargetMode;
import dev.sessiondb.store.StoreLayout;
import dev.sessiondb.store.StoreLocator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "consolidate", description = {"Merge several session stores into one, settling sessions that differ by a policy.",
        "Sources are never changed; the report gives each record's source and ends with the Minsky settings for the result."})
final class ConsolidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "SOURCE", description = "The stores to merge, in order of precedence for --on-conflict first.")
    List<String> sources;

    @Option(names = "--into", required = true, paramLabel = "TARGET", description = "The store to write.")
    String target;

    @Option(names = "--on-conflict", paramLabel = "newest|first|fail|keep-both",
            description = "newest: latest lastActivityAt, else pullRequest.updatedAt, else createdAt; first: the earlier source; "
                    + "fail: refuse; keep-both: later versions get the key KEY~N (N the source's number). Default: ${DEFAULT-VALUE}.")
    ConflictPolicy onConflict = ConflictPolicy.NEWEST;

    @Option(names = "--layout", paramLabel = "native|minsky", description = "Layout of a new target (default: native, which keeps every field).")
    String layout;

    @Option(names = "--mode", paramLabel = "new|replace|merge", description = "What to do with a target that holds records (default: refuse it).")
    TargetMode mode;

    @Option(names = "--dry-run", description = "Show the plan, conflicts and how they would be settled; write nothing.")
    boolean dryRun;

    @Option(names = "--allow-loss", description = "Write even when the target layout cannot hold some fields.")
    boolean allowLoss;

    @Option(names = "--no-verify", negatable = false, description = "Skip the count and per-record hash check after writing.")
    boolean noVerify;

    @Option(names = "--format", description = "table or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format = OutputFormat.TABLE;

    @Mixin
    BackupDirOption backupDir;

    @Override
    public Integer call() {
        ConsolidateOptions options = new ConsolidateOptions(onConflict, Optional.ofNullable(layout).map(StoreLayout::parse),
                Optional.ofNullable(mode), allowLoss, !noVerify);
        ConsolidateJob job = new ConsolidateJob(sources.stream().map(StoreLocator::parse).toList(), StoreLocator.parse(target), options,
                backupDir.journal());
        return dryRun ? JobRunner.dryRun(job, format, spec.commandLine().getOut()) : JobRunner.run(job, format, spec.commandLine().getOut());
    }
}
