package dev.sessiondb.job.repair;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.sessiondb.job.JobPlan;
import dev.sessiondb.job.JobReport;
import dev.sessiondb.job.backup.Backup;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.job.backup.RunStart;
import dev.sessiondb.model.SecretMasker;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.RepeatedSessionsException;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.StoreProviders;
import dev.sessiondb.store.json.RepeatedRecords;
import dev.sessiondb.store.json.RepeatedRecords.Repeat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The repair of a JSON file in which sessions repeat, which no command opens as a store: each later record identical to
 * its session's first is cut out of the file, every other byte kept, after a backup undo puts back. A repeat that
 * differs is left as it is, for a person to choose which record to keep.
 */
final class RepeatRemoval {

    static final String CHECK = "duplicate-session";
    static final String TO_REMOVE = "repeated records to remove";
    private static final String OTHER_CHECKS = "the other checks did not run: no command reads a file in which a session repeats as a store;"
            + " run sessiondb repair again once no session repeats";

    private final StoreLocator locator;
    private final Optional<String> plannedMark;
    private final RepeatedRecords.Found found;

    private RepeatRemoval(StoreLocator locator, Optional<String> plannedMark, RepeatedRecords.Found found) {
        this.locator = locator;
        this.plannedMark = plannedMark;
        this.found = found;
    }

    /** Reads the file once more, comparing each repeat with its session's first record; nothing is written. */
    static RepeatRemoval of(StoreLocator locator, RepeatedSessionsException repeated) {
        // taken before the read: a write by another program after it makes the file differ from what was planned
        Optional<String> mark = StoreProviders.of(locator).changeMark(locator);
        return new RepeatRemoval(locator, mark, RepeatedRecords.in(locator.path(),
                repeated.repeats().stream().map(RepeatedSessionsException.Repeat::session).collect(Collectors.toSet())));
    }

    private List<Repeat> identical() {
        return found.repeats().stream().filter(Repeat::identical).toList();
    }

    private List<Repeat> differing() {
        return found.repeats().stream().filter(repeat -> !repeat.identical()).toList();
    }

    /** One line per record to remove, as the dry run and the plan list them. */
    List<String> lines() {
        return identical().stream().map(repeat -> "remove " + repeat.where() + ": session '" + masked(repeat) + "' repeats record "
                + repeat.firstRecord() + " identically (" + CHECK + ")").toList();
    }

    /** What is left: each repeat that differs from its session's first record, and the other checks. */
    List<String> warnings() {
        return Stream.concat(differing().stream().map(repeat -> "not removed: " + repeat.where() + ", session '" + masked(repeat) + "', differs from record "
                + repeat.firstRecord() + "; compare the two, keep one and delete the other by hand (sessiondb validate says what differs)"),
                Stream.of(OTHER_CHECKS)).toList();
    }

    Map<String, Long> counts(String needingAPerson) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put(TO_REMOVE, (long) identical().size());
        counts.put(needingAPerson, (long) differing().size());
        return counts;
    }

    JobPlan plan(String description, String needingAPerson) {
        return new JobPlan(description, counts(needingAPerson), List.of(), lines(), warnings(), Optional.empty(), 0);
    }

    /** Backs the file up, then writes it without the identical repeats, if it is still as it was read. */
    JobReport run(BackupJournal journal, String description, String needingAPerson, ProgressMonitor monitor) {
        RunStart start = journal.runStarter("repair", description, List.of(), locator);
        JobReport.Builder report = start.get();
        JobReport done = journal.endingOnStop(report.runId(), () -> {
            counts(needingAPerson).forEach(report::count);
            warnings().forEach(report::warning);
            ArrayNode removed = report.details().putArray("removed");
            identical().forEach(repeat -> removed.addObject().put("session", masked(repeat)).put("record", repeat.record())
                    .put("line", repeat.line()).put("sameAsRecord", repeat.firstRecord()));
            if (!identical().isEmpty()) {
                monitor.message("backing up");
                Backup backup = journal.backUpUnopenedFile(report.runId(), locator, found.records(), description);
                report.backupId(backup.id());
                journal.write(backup, () -> {
                    monitor.message("writing");
                    RepeatedRecords.writeWithout(realPath(), identical(), this::unchanged);
                }, this::unchanged);
            }
            return report.build();
        });
        journal.saveReport(done);
        return done;
    }

    private boolean unchanged() {
        return plannedMark.equals(StoreProviders.of(locator).changeMark(locator));
    }

    /** Through symbolic links: a rename over the link itself would replace it by a copy and leave its target as it was. */
    private Path realPath() {
        try {
            return locator.path().toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String masked(Repeat repeat) {
        return SecretMasker.maskText("session", repeat.session());
    }
}
