package dev.sessiondb.cli;

import dev.sessiondb.job.consolidate.ConflictPolicy;
import dev.sessiondb.job.consolidate.ConsolidateJob;
import dev.sessiondb.job.consolidate.ConsolidateOptions;
import dev.sessiondb.job.consolidate.Consolidation;
import dev.sessiondb.job.transfer.TargetMode;
import dev.sessiondb.model.SecretMasker;
import dev.sessiondb.store.StoreLocator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
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

    @Option(names = "--keep", paramLabel = "SESSION=SOURCE",
            description = "For one conflict, keep this version whatever --on-conflict says: SOURCE is a source's number as the plan's conflict"
                    + " lines give it (1 for the first SOURCE above) or target (the target's own version, with --mode merge). Repeatable;"
                    + " a session that is no conflict, or a source without a version of it, is refused.")
    List<String> keep = new ArrayList<>();

    @Mixin
    WriteJobOptions options;

    @Override
    public Integer call() {
        ConsolidateOptions consolidate = new ConsolidateOptions(onConflict, options.layout(), options.mode(), options.allowLoss, options.verify(),
                choices());
        return options.execute(new ConsolidateJob(sources.stream().map(StoreLocator::parse).toList(), StoreLocator.parse(target),
                consolidate, options.journal(Notices.of(spec.commandLine()))), spec.commandLine());
    }

    /** Each --keep as the session and the 0-based source (or the target) whose version wins; refused here when it names no source. */
    private Map<String, Integer> choices() {
        Map<String, Integer> choices = new LinkedHashMap<>();
        for (String choice : keep) {
            int split = choice.lastIndexOf('=');
            if (split <= 0 || split == choice.length() - 1) {
                throw refused(choice, "give a session and a source, as in --keep task#008=2");
            }
            String session = choice.substring(0, split);
            int source = source(choice, choice.substring(split + 1).strip());
            Integer earlier = choices.putIfAbsent(session, source);
            if (earlier != null && earlier != source) {
                throw refused(choice, "another --keep already chose a version of " + SecretMasker.maskText("session", session));
            }
        }
        return choices;
    }

    private int source(String choice, String source) {
        if (source.equalsIgnoreCase("target")) {
            if (options.mode().orElse(null) != TargetMode.MERGE) {
                throw refused(choice, "the target's own version takes part only with --mode merge");
            }
            return Consolidation.Entry.TARGET;
        }
        String numbered = String.format("the sources are numbered 1 to %d in the order given (or target, with --mode merge)", sources.size());
        try {
            int number = Integer.parseInt(source);
            if (number < 1 || number > sources.size()) {
                throw refused(choice, "there is no source " + number + "; " + numbered);
            }
            return number - 1;
        } catch (NumberFormatException e) {
            throw refused(choice, "'" + source + "' is not a source; " + numbered);
        }
    }

    private ParameterException refused(String choice, String why) {
        return new ParameterException(spec.commandLine(), "--keep " + SecretMasker.maskText("session", choice) + ": " + why);
    }
}
