package dev.sessiondb.cli;

import dev.sessiondb.job.migrate.MigrateJob;
import dev.sessiondb.job.migrate.MigrateOptions;
import dev.sessiondb.job.transfer.TargetMode;
import dev.sessiondb.store.StoreLayout;
import dev.sessiondb.store.StoreLocator;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "migrate", description = {"Copy every session of SOURCE into TARGET, any format to any format, then verify.",
        "The source is never changed; an existing target is backed up first (see undo)."})
final class MigrateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SOURCE", description = "The store to read: json:PATH, sqlite:PATH, jsondir:PATH, postgresql://... or a path.")
    String source;

    @Parameters(index = "1", paramLabel = "TARGET", description = "The store to write; a new file appears only when complete.")
    String target;

    @Option(names = "--layout", paramLabel = "native|minsky", description = "Layout of a new target (default: native, which keeps every field).")
    String layout;

    @Option(names = "--mode", paramLabel = "new|replace|merge", description = "new: target must be absent or empty; replace: target ends up equal to the source; merge: source records added or replaced by key.")
    TargetMode mode;

    @Option(names = "--dry-run", description = "Show the plan (counts, fields the target cannot hold, date coercions) and write nothing.")
    boolean dryRun;

    @Option(names = "--no-verify", negatable = false, description = "Skip the count and per-record hash check after writing.")
    boolean noVerify;

    @Option(names = "--allow-loss", description = "Migrate even when the target layout cannot hold some fields; they are dropped and listed in the report.")
    boolean allowLoss;

    @Option(names = "--format", description = "table or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format = OutputFormat.TABLE;

    @Mixin
    BackupDirOption backupDir;

    @Override
    public Integer call() {
        MigrateOptions options = new MigrateOptions(Optional.ofNullable(layout).map(StoreLayout::parse), Optional.ofNullable(mode), allowLoss, !noVerify);
        MigrateJob job = new MigrateJob(StoreLocator.parse(source), StoreLocator.parse(target), options, backupDir.journal());
        return dryRun ? JobRunner.dryRun(job, format, spec.commandLine().getOut()) : JobRunner.run(job, format, spec.commandLine().getOut());
    }
}
