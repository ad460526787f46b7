package dev.sessiondb.cli;

import dev.sessiondb.job.consolidate.ConflictPolicy;
import dev.sessiondb.job.consolidate.ConsolidateJob;
import dev.sessiondb.job.consolidate.ConsolidateOptions;
import dev.sessiondb.store.StoreLocator;
import java.util.List;
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
            description = "newest: latest lastActivityAt, else pullRequest.updatedAt, else createdAt (a tie goes to the earlier source); "
                    + "first: the earlier source; fail: refuse; keep-both: later versions get the key KEY~N (N the source's number). "
                    + "With --mode merge the target's own version takes part, after every source. Default: ${DEFAULT-VALUE}.")
    ConflictPolicy onConflict = ConflictPolicy.NEWEST;

    @Mixin
    WriteJobOptions options;

    @Override
    public Integer call() {
        ConsolidateOptions consolidate = new ConsolidateOptions(onConflict, options.layout(), options.mode(), options.allowLoss, options.verify());
        return options.execute(new ConsolidateJob(sources.stream().map(StoreLocator::parse).toList(), StoreLocator.parse(target),
                consolidate, options.journal(spec.commandLine().getErr())), spec.commandLine());
    }
}
