package dev.sessiondb.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.SecretMasker;
import dev.sessiondb.model.SessionKind;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.RepeatedSessionsException;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.validation.Checks;
import dev.sessiondb.validation.Finding;
import dev.sessiondb.validation.RepeatedSessionFindings;
import dev.sessiondb.validation.ValidationContext;
import dev.sessiondb.validation.Validator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "validate", description = "Check a store for the defects real session stores have. Exit 0 when clean, 1 when there are findings.")
final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "STORE", description = "The store; default: the one the environment selects.")
    String store;

    @Option(names = "--workspaces", paramLabel = "DIR", description = "A Minsky state directory whose workspaces (sessions/*, git/*/sessions/*) should all have records; repeatable. Default: the store's own directory.")
    List<Path> workspaces = List.of();

    @Option(names = "--check", paramLabel = "NAME", description = "Run only this check; repeatable. Checks: ${COMPLETION-CANDIDATES}.", completionCandidates = CheckNames.class)
    List<String> checks = List.of();

    @Option(names = "--format", description = "table or json (default: ${DEFAULT-VALUE}).", completionCandidates = OutputFormat.TableOrJson.class)
    OutputFormat format = OutputFormat.TABLE;

    @Override
    public Integer call() {
        List<Path> workspaceRoots = WorkspaceFolders.checked(spec, workspaces);
        PrintWriter out = spec.commandLine().getOut();
        SessionStore whole;
        try {
            whole = StoreArgument.openExisting(store);
        } catch (RepeatedSessionsException repeated) {
            // a file no command reads as a store: its repeats are the findings
            List<Finding> findings = RepeatedSessionFindings.of(repeated);
            print(StoreArgument.locate(store).display(), report -> findings.forEach(report), out);
            return SessionDbCommand.FOUND;
        }
        try (whole; TerminalProgress bar = new TerminalProgress(spec.commandLine())) {
            SessionStore opened = Checks.readBy(checks, whole);
            Validator validator = new Validator(Checks.create(checks, ValidationContext.of(opened, workspaceRoots)));
            ProgressMonitor monitor = bar.tracker("validating");
            long found = print(opened.locator().display(), report -> validator.run(opened, report, monitor), out);
            bar.close();
            validator.kindRead().ifPresent(kind -> noteChecksNotApplying(kind, opened.locator().display()));
            return found == 0 ? SessionDbCommand.OK : SessionDbCommand.FOUND;
        }
    }

    /** A check asked for that looks only at Minsky's sessions ran in a store of another kind's and found nothing: said, not silent. */
    private void noteChecksNotApplying(SessionKind kind, String storeShown) {
        List<String> idle = Checks.notApplyingTo(checks, kind);
        if (idle.isEmpty()) {
            return;
        }
        String whose = kind == SessionKind.CHAT ? "a chat server's" : "magellai's";
        Notices.of(spec.commandLine()).note("--check " + String.join(", ", idle) + (idle.size() == 1 ? " looks" : " look") + " only at Minsky's sessions,"
                + " and every session of " + storeShown + " is " + whose + ": " + (idle.size() == 1 ? "it" : "they") + " had nothing to check;"
                + " the checks that look at its sessions are " + String.join(", ", Checks.applyingTo(kind)));
    }

    /** Prints what {@code run} reports to the consumer it is given, in the asked format; returns how many findings. */
    private long print(String storeShown, Consumer<Consumer<Finding>> run, PrintWriter out) {
        long found = format == OutputFormat.JSON ? printJson(run, out) : printTable(storeShown, run, out);
        out.flush();
        return found;
    }

    private static long printTable(String storeShown, Consumer<Consumer<Finding>> run, PrintWriter out) {
        out.println(row("CHECK", "LEVEL", "SESSION", "MESSAGE / FIX"));
        Map<String, Long> perCheck = new HashMap<>();
        long[] found = {0};
        run.accept(finding -> {
            found[0]++;
            perCheck.merge(finding.check(), 1L, Long::sum);
            // cells show control characters as text, as ls does: a session name must not colour or add rows
            out.println(row(finding.check(), finding.severity().id(), TerminalText.cell(shown(finding.session())), TerminalText.cell(masked(finding.message()))));
            out.println(row("", "", "", "fix: " + TerminalText.cell(masked(finding.fix()))));
        });
        out.printf("%,d finding%s in %s%s%n", found[0], found[0] == 1 ? "" : "s", storeShown, tally(perCheck));
        return found[0];
    }

    /** Findings come record by record, their checks mixed: the last line says how many each check found, the most first. */
    private static String tally(Map<String, Long> perCheck) {
        if (perCheck.size() < 2) {
            return "";
        }
        return perCheck.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(check -> String.format("%s %,d", check.getKey(), check.getValue()))
                .collect(Collectors.joining(", ", ": ", " (--check NAME lists only that check's)"));
    }

    /** One line of the table, columns padded as {@code %-22s  %-7s  %-28s  %s} would (without parsing a format per line: a store may have millions of findings). */
    private static String row(String check, String level, String session, String text) {
        StringBuilder line = new StringBuilder(96 + text.length());
        padded(line, check, 22);
        padded(line, level, 7);
        padded(line, session, 28);
        return line.append(text).toString();
    }

    /** The cell, then spaces up to {@code width} when it is shorter (a longer one is kept whole, as printf does), then the gap. */
    private static void padded(StringBuilder line, String cell, int width) {
        line.append(cell);
        for (int i = cell.length(); i < width; i++) {
            line.append(' ');
        }
        line.append("  ");
    }

    private static long printJson(Consumer<Consumer<Finding>> run, PrintWriter out) {
        try (JsonGenerator json = JsonCodec.MAPPER.createGenerator(out).setPrettyPrinter(JsonCodec.minskyPrettyPrinter())) {
            json.writeStartObject();
            json.writeArrayFieldStart("findings");
            long[] found = {0};
            Consumer<Finding> writer = writer(json);
            run.accept(finding -> {
                found[0]++;
                writer.accept(finding);
            });
            json.writeEndArray();
            json.writeEndObject();
            json.flush();
            out.println();
            return found[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Consumer<Finding> writer(JsonGenerator json) {
        return finding -> {
            try {
                json.writeStartObject();
                json.writeStringField("check", finding.check());
                json.writeStringField("severity", finding.severity().id());
                json.writeStringField("session", finding.session() == null ? null : shown(finding.session()));
                json.writeStringField("message", masked(finding.message()));
                json.writeStringField("fix", masked(finding.fix()));
                json.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    /** Messages quote values (a date, a task id): one that looks like a token is masked too. */
    private static String masked(String text) {
        return SecretMasker.maskText(null, text);
    }

    private static String shown(String session) {
        return session == null ? "(store)" : SecretMasker.maskText("session", session);
    }

    /** The check names, for help and shell completion. */
    static final class CheckNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Checks.NAMES.iterator();
        }
    }
}
