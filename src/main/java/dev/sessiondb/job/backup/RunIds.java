package dev.sessiondb.job.backup;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** What a run id says: when the run started and which job it was; a backup's id is its run's id and a short hash of the store. */
public final class RunIds {

    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    private RunIds() {
    }

    /** A new run id, sortable by time: it names the run's report and its backup. */
    public static String newRunId(String job) {
        return ID_TIME.format(Instant.now()) + "-" + job + "-" + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt());
    }

    /** The job named in a run id ("migrate", "edit-undo"). */
    public static String jobOf(String runId) {
        int first = runId.indexOf('-');
        int last = runId.lastIndexOf('-');
        return first < 0 || last <= first ? runId : runId.substring(first + 1, last);
    }

    /** The run that took a backup: its id is the run id and a short hash of the store. */
    public static String runIdOf(Backup backup) {
        return runIdOf(backup.id());
    }

    /** The run that took the backup {@code backupId}, complete or not. */
    public static String runIdOf(String backupId) {
        int last = backupId.lastIndexOf('-');
        return last < 0 ? backupId : backupId.substring(0, last);
    }

    /** When run {@code runId} started, as its id says. */
    static Optional<Instant> startOf(String runId) {
        try {
            return Optional.of(Instant.from(ID_TIME.parse(runId.substring(0, Math.max(runId.indexOf('-'), 0)))));
        } catch (DateTimeException notATime) {
            return Optional.empty();
        }
    }
}
