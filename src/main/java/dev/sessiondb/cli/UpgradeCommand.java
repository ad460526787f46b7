package dev.sessiondb.cli;

import dev.sessiondb.job.upgrade.UpgradeJob;
import dev.sessiondb.model.JsonCodec;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "upgrade", description = {"Upgrade a store made by an older version to this version's schema.",
        "The store is backed up first; 'sessiondb undo' puts the older schema back. Reading never upgrades."})
final class UpgradeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "STORE", description = "sqlite:PATH, postgresql://... or a path.")
    String store;

    @Option(names = "--dry-run", description = "Say what would be upgraded and change nothing.")
    boolean dryRun;

    @Option(names = "--format", description = "table or json (default: ${DEFAULT-VALUE}).", completionCandidates = OutputFormat.TableOrJson.class)
    OutputFormat format = OutputFormat.TABLE;

    @Mixin
    BackupDirOption backupDir;

    @Override
    public Integer call() {
        UpgradeJob job = new UpgradeJob(StoreArgument.locate(store), backupDir.journal(Notices.of(spec.commandLine())));
        Optional<String> current = job.alreadyCurrent();
        if (current.isPresent()) {
            // no job: nothing to back up, report or put in the history
            spec.commandLine().getOut().println(format == OutputFormat.JSON
                    ? JsonCodec.pretty(JsonCodec.MAPPER.createObjectNode().put("current", true).put("message", current.get()))
                    : current.get());
            return 0;
        }
        return dryRun ? JobRunner.dryRun(job, format, spec.commandLine())
                : JobRunner.run(job, format, spec.commandLine(), backupDir.reportsDir());
    }
}
