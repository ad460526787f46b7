package dev.sessiondb.job.repair;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessiondb.job.JobReport;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.SecretMasker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A session a repair changed or added, as its report lists it (the first {@value RepairJob#LISTED_CHANGES}, key masked where
 * it holds a secret): what a shell shows of what the repair did, read from the job's own record rather than a second scan.
 *
 * @param checks the checks whose fixes changed it
 */
public record RepairedSession(String session, boolean added, List<String> checks) {

    public RepairedSession {
        checks = List.copyOf(checks);
    }

    /** The sessions the repair of {@code report} changed, in the order it wrote them; none for another job's report. */
    public static List<RepairedSession> of(JobReport report) {
        return listedIn(report.details());
    }

    /**
     * The sessions the repair whose report {@link JobReport#saveTo} saved as {@code file} changed, for a past run's shell
     * to show; none for another job's report.
     *
     * @throws IOException the file is gone or not a report's JSON (its message names the line and column)
     */
    public static List<RepairedSession> inSavedReport(Path file) throws IOException {
        return listedIn(JsonCodec.parse(Files.readString(file)).path("details"));
    }

    private static List<RepairedSession> listedIn(JsonNode details) {
        List<RepairedSession> sessions = new ArrayList<>();
        for (JsonNode change : details.path("changes")) {
            List<String> checks = new ArrayList<>();
            change.path("checks").forEach(check -> checks.add(check.asText()));
            sessions.add(new RepairedSession(change.path("session").asText(), "add".equals(change.path("action").asText()), checks));
        }
        return sessions;
    }

    /** How many sessions the repair with these report counts changed or added, of which {@link #of} lists at most {@value RepairJob#LISTED_CHANGES}. */
    public static long count(Map<String, Long> reportCounts) {
        return reportCounts.getOrDefault("records to change", 0L) + reportCounts.getOrDefault("workspaces to register", 0L);
    }

    /** Whether the report names the session only masked (its key holds a secret), so it cannot be looked up by it. */
    public boolean keyMasked() {
        return session.contains(SecretMasker.MASK);
    }
}
