package dev.sessiondb.cli;

import dev.sessiondb.job.migrate.MigrateJob;
import dev.sessiondb.job.migrate.MigrateOptions;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.StoreProviders;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
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

    @Option(names = "--skip-unreadable", description = "Copy the sessions the source still reads and leave out a folder source's files that do not"
            + " read as sessions, or a SQLite or PostgreSQL source's damaged records (its own layout), each named in the plan and report"
            + " (default: refuse, naming them). The source is not changed.")
    boolean skipUnreadable;

    @Mixin
    WriteJobOptions options;

    @Override
    public Integer call() {
        MigrateOptions migrate = new MigrateOptions(options.layout(), options.mode(), options.allowLoss, options.verify(), skipUnreadable);
        StoreLocator from = StoreLocator.parse(source);
        if (skipUnreadable && !StoreProviders.of(from).skipsUnreadable()) {
            // said first: a JSON file that does not read stops the job whole, flag or not
            Notices.of(spec.commandLine()).note("--skip-unreadable leaves out a folder (jsondir:) source's files that do not read as sessions"
                    + " and a SQLite or PostgreSQL source's damaged records only; " + from.display() + " is read whole");
        }
        return options.execute(new MigrateJob(from, StoreLocator.parse(target), migrate, options.journal(Notices.of(spec.commandLine()))),
                spec.commandLine());
    }
}
