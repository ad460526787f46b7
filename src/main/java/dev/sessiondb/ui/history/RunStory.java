package dev.sessiondb.ui.history;

import dev.sessiondb.catalog.PastJob;
import dev.sessiondb.ui.common.SessionWords;
import dev.sessiondb.ui.common.StoreNames;
import dev.sessiondb.ui.wizard.JobSummary;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A run's whole story, one fact a line, for the History's details under its table: a row has room for when, job, stores and
 * how it ended; why it stopped, what it left, what undid it, its counts, backup and report need lines of their own.
 */
final class RunStory {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private RunStory() {
    }

    /** Times in {@code zone}; stores in full, passwords masked. */
    static String of(PastJob job, ZoneId zone) {
        List<String> lines = new ArrayList<>();
        lines.add(job.kind() + ", started " + time(job.startedAt(), zone)
                + job.finishedAt().map(end -> ", ended " + time(end, zone)).orElse("") + ": " + job.ending());
        lines.add("Stores: " + StoreNames.route(job.sources(), job.target(), StoreNames::shown));
        lines.add(undone(job, zone));
        job.stopReason().ifPresent(why -> lines.add("Why it stopped: " + why));
        job.unfinishedTarget().ifPresent(left -> lines.add("What it left: " + left));
        if (!job.counts().isEmpty()) {
            lines.add("Counts: " + countsNamed(job).entrySet().stream().map(count -> SessionWords.countName(count.getKey()) + " " + String.format("%,d", count.getValue()))
                    .collect(Collectors.joining(", ")));
        }
        job.backupId().ifPresent(id -> lines.add("Backup: " + id));
        job.prunedBackupId().ifPresent(id -> lines.add("Backup: " + id + " (pruned)"));
        job.reportPath().ifPresent(path -> lines.add("Report: " + path));
        lines.add("Run: " + job.runId());
        return String.join("\n", lines);
    }

    /**
     * The run's counts, a consolidation's of each source named by its store as its wizard names them, "source 2 records (chat.db)":
     * "source 1 records" to "source 4 records" left the user to count down the Stores line.
     */
    private static Map<String, Long> countsNamed(PastJob job) {
        Map<String, String> names = StoreNames.distinctNames(job.sources());
        return JobSummary.sourcesNamed(job.counts(), job.sources().stream().map(names::get).toList());
    }

    static String time(Instant when, ZoneId zone) {
        return WHEN.format(when.atZone(zone));
    }

    private static String undone(PastJob job, ZoneId zone) {
        return job.undoneAt().map(when -> "Undone " + time(when, zone) + job.undoneBy().map(by -> " " + by).orElse(""))
                .orElse(job.undoableFromHistory() ? "Not undone: Undo selected job puts back what it replaced." : "Not undone.");
    }
}
