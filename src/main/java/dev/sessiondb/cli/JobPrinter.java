package dev.sessiondb.cli;

import dev.sessiondb.job.JobPlan;
import dev.sessiondb.job.JobReport;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.store.ValueChange;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/** Prints a job's plan or report as a readable table or as JSON. */
final class JobPrinter {

    /** A plan can list thousands of coercions; the table shows the first ones and the JSON all of them. */
    private static final int MAX_LINES = 20;

    private JobPrinter() {
    }

    static void print(JobPlan plan, OutputFormat format, PrintWriter out) {
        if (format == OutputFormat.JSON) {
            out.println(JsonCodec.pretty(plan.toJson()));
            return;
        }
        out.println("Plan: " + plan.description());
        printCounts(plan.counts(), out);
        plan.fieldChanges().forEach(change -> {
            if (change.change() == ValueChange.NOT_KEPT) {
                out.printf("  cannot hold: %-22s %,d records%n", change.field(), change.records());
            } else {
                out.println((change.lossy() ? "  loss: " : "  kept: ") + change.describe());
            }
        });
        plan.versionsDropped().ifPresent(dropped -> out.println("  loss: " + dropped));
        printLines("coercion", plan.coercions(), out);
        printLines("warning", plan.warnings(), out);
        printLines("note", plan.notes(), out);
        plan.refusal().ifPresentOrElse(reason -> out.println("Would refuse: " + reason.text()), () -> out.println("Dry run: nothing was written."));
    }

    /** How to undo a run, as migrate and history say it: a new target's backup records only that there was no store, so undo removes the one made. */
    static String undoHint(String backupId, boolean targetWasAbsent) {
        return targetWasAbsent ? " (the target did not exist: undo with: sessiondb undo " + backupId + " removes it)"
                : " (undo with: sessiondb undo " + backupId + ")";
    }

    static void print(JobReport report, String savedAs, OutputFormat format, PrintWriter out) {
        if (format == OutputFormat.JSON) {
            out.println(JsonCodec.pretty(report.toJson()));
            return;
        }
        out.println(report.description());
        printCounts(report.counts(), out);
        printLines("warning", report.warnings(), out);
        report.backupId().ifPresent(id -> out.println("  backup: " + id + undoHint(id, report.targetWasAbsent())));
        out.println("  report: " + savedAs);
        out.println(report.outcome() == JobReport.Outcome.COMPLETED ? "Done." : "Done, with problems (see warnings).");
        report.notes().forEach(out::println);
        report.advice().forEach(advice -> out.println("  " + advice.text()));
    }

    private static void printCounts(Map<String, Long> counts, PrintWriter out) {
        counts.forEach((name, value) -> out.printf("  %-34s %,d%n", name + ":", value));
    }

    private static void printLines(String label, List<String> lines, PrintWriter out) {
        lines.stream().limit(MAX_LINES).forEach(line -> out.println("  " + label + ": " + line));
        if (lines.size() > MAX_LINES) {
            out.printf("  ... and %,d more (--format json lists all)%n", lines.size() - MAX_LINES);
        }
    }
}
