package dev.sessiondb.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.sessiondb.job.JobPlan;
import dev.sessiondb.job.backup.StoreWriters;
import dev.sessiondb.job.repair.Changeset;
import dev.sessiondb.job.repair.NotWritten;
import dev.sessiondb.job.repair.RepairJob;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.store.RepeatedSessionsException;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.validation.Checks;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "repair", description = {"Apply validation's suggested fixes as one changeset, after a backup (see undo).",
        "Registers unregistered workspaces from their git remote, branch and first commit.",
        "Exit 0 when nothing is left for a person, 1 when findings remain that need one (as validate would say next)."})
final class RepairCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "STORE", description = "The store; default: the one the environment selects.")
    String store;

    @Option(names = "--check", paramLabel = "NAME", description = "Apply only this check's fixes; repeatable. Checks: ${COMPLETION-CANDIDATES}.",
            completionCandidates = ValidateCommand.CheckNames.class)
    List<String> checks = List.of();

    @Option(names = "--workspaces", paramLabel = "DIR", description = "A Minsky state directory whose unregistered workspaces to register; repeatable. Default: the store's own directory.")
    List<Path> workspaces = List.of();

    @Option(names = "--dry-run", description = "Print the changeset record by record (before -> after) and write nothing.")
    boolean dryRun;

    @Option(names = "--format", description = "table or json (default: ${DEFAULT-VALUE}).", completionCandidates = OutputFormat.TableOrJson.class)
    OutputFormat format = OutputFormat.TABLE;

    @Mixin
    BackupDirOption backupDir;

    @Override
    public Integer call() {
        // a misspelt check is bad input, not a job that stopped while planning
        Checks.requireKnown(checks);
        StoreLocator repaired = StoreArgument.locate(store);
        RepairJob job = new RepairJob(repaired, checks, WorkspaceFolders.checked(spec, workspaces), backupDir.journal(Notices.of(spec.commandLine())));
        PrintWriter out = spec.commandLine().getOut();
        if (!dryRun) {
            return JobRunner.run(job, format, spec.commandLine(), backupDir.reportsDir(),
                    report -> RepairJob.leftForAPerson(report) > 0 ? SessionDbCommand.FOUND : JobRunner.exitCode(report));
        }
        long leftForAPerson;
        try {
            leftForAPerson = printDryRun(job, out);
            // the changeset is printed whole, without the plan's warnings (which say this where repeats stop the changeset):
            // a dry run is not refused while another run writes
            StoreWriters.writtenNow(repaired).ifPresent(Notices.of(spec.commandLine())::note);
        } catch (RepeatedSessionsException repeated) {
            leftForAPerson = printRepeatsDryRun(job.plan(), out);
        }
        out.flush();
        // as validate exits after the repair: findings remain that only a person can resolve
        return leftForAPerson > 0 ? SessionDbCommand.FOUND : SessionDbCommand.OK;
    }

    private long printDryRun(RepairJob job, PrintWriter out) {
        try (TerminalProgress bar = new TerminalProgress(spec.commandLine()); Changeset changeset = job.changeset(bar.tracker("planning"))) {
            bar.close();
            if (format == OutputFormat.JSON) {
                printJson(job, changeset, out);
            } else {
                printTable(job, changeset, out);
            }
            return changeset.manual();
        }
    }

    /** A JSON file in which sessions repeat: its plan, the records the repair removes and the repeats it leaves for a person, printed as every job's. */
    private long printRepeatsDryRun(JobPlan plan, PrintWriter out) {
        JobPrinter.print(plan, format, out);
        return RepairJob.leftForAPerson(plan);
    }

    private static void printTable(RepairJob job, Changeset changeset, PrintWriter out) {
        out.println("Plan: " + job.description());
        changeset.forEach(change -> RepairJob.describe(change).forEach(line -> out.println("  " + line)));
        changeset.notWritten().forEach(record -> out.println("  " + record.describe()));
        out.printf("  %,d record%s to change, %,d workspace%s to register%n", changeset.updates(), changeset.updates() == 1 ? "" : "s",
                changeset.inserts(), changeset.inserts() == 1 ? "" : "s");
        changeset.manualByCheck().forEach((check, count) -> out.printf("  %s (sessiondb validate --check %s)%n", Changeset.needingAPerson(count, check), check));
        out.println("Dry run: nothing was written.");
    }

    /** Streamed, so a changeset of any size prints in bounded memory. */
    private static void printJson(RepairJob job, Changeset changeset, PrintWriter out) {
        try (JsonGenerator json = JsonCodec.MAPPER.createGenerator(out).setPrettyPrinter(JsonCodec.minskyPrettyPrinter())) {
            json.writeStartObject();
            json.writeStringField("description", job.description());
            json.writeArrayFieldStart("changes");
            changeset.forEach(change -> {
                try {
                    JsonCodec.MAPPER.writeTree(json, RepairJob.toJson(change));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            json.writeEndArray();
            json.writeArrayFieldStart("notWritten");
            for (NotWritten record : changeset.notWritten()) {
                json.writeString(record.describe());
            }
            json.writeEndArray();
            json.writeObjectFieldStart("needPerson");
            for (Map.Entry<String, Long> entry : changeset.manualByCheck().entrySet()) {
                json.writeNumberField(entry.getKey(), entry.getValue());
            }
            json.writeEndObject();
            json.writeEndObject();
            json.flush();
            out.println();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
