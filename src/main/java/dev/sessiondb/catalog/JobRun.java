package dev.sessiondb.catalog;

import io.ebean.annotation.DbName;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One run of a job (migrate, consolidate, repair, an edit in the app, undo) as the history
 * lists it. Stores are kept as locators without passwords. A run is entered when it starts,
 * before its backup; one without an outcome was an edit, is still running, or was killed.
 */
@Entity
@Table(name = "job_run")
@DbName(Catalog.NAME)
public class JobRun {

    @Id
    @Column(name = "run_id")
    private String runId;

    private String kind;
    private String description;
    /** The stores only read, one per line. */
    private String sources;
    /** The store written to. */
    private String target;
    private Instant startedAt;
    private Instant finishedAt;
    /** {@code completed}, {@code completed_with_problems}, {@code cancelled}, {@code refused} or {@code failed}; none until the run ends. */
    private String outcome;
    /** The report's counts as a JSON object, in the report's order. */
    private String counts;
    private String reportPath;
    private String backupId;
    private Instant undoneAt;
    /** The undo run that took the run's changes out of its store: its own undo, or that of an earlier job on the store. */
    private String undoneBy;
    /** When the run's write into the target was complete: a run killed after it left the target holding the new content. */
    private Instant writtenAt;
    /** Why a run that stopped without a report was refused or failed: its message, secrets masked. */
    private String stopReason;
    /** The backup the run took, once a prune deleted it (then {@link #backupId} is empty), and when. */
    private String prunedBackupId;
    private Instant prunedAt;
    /** The target's change mark just before the run backed it up, and once the run let go of it (see {@link LaterChanges}). */
    private String targetMarkBefore;
    private String targetMarkAfter;

    public String getRunId() {
        return runId;
    }

    public void setRunId(String runId) {
        this.runId = runId;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getSources() {
        return sources;
    }

    public void setSources(String sources) {
        this.sources = sources;
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public void setStartedAt(Instant startedAt) {
        this.startedAt = startedAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }

    public void setFinishedAt(Instant finishedAt) {
        this.finishedAt = finishedAt;
    }

    public String getOutcome() {
        return outcome;
    }

    public void setOutcome(String outcome) {
        this.outcome = outcome;
    }

    public String getCounts() {
        return counts;
    }

    public void setCounts(String counts) {
        this.counts = counts;
    }

    public String getReportPath() {
        return reportPath;
    }

    public void setReportPath(String reportPath) {
        this.reportPath = reportPath;
    }

    public String getBackupId() {
        return backupId;
    }

    public void setBackupId(String backupId) {
        this.backupId = backupId;
    }

    public Instant getUndoneAt() {
        return undoneAt;
    }

    public void setUndoneAt(Instant undoneAt) {
        this.undoneAt = undoneAt;
    }

    public String getUndoneBy() {
        return undoneBy;
    }

    public void setUndoneBy(String undoneBy) {
        this.undoneBy = undoneBy;
    }

    public String getStopReason() {
        return stopReason;
    }

    public void setStopReason(String stopReason) {
        this.stopReason = stopReason;
    }

    public Instant getWrittenAt() {
        return writtenAt;
    }

    public void setWrittenAt(Instant writtenAt) {
        this.writtenAt = writtenAt;
    }

    public String getPrunedBackupId() {
        return prunedBackupId;
    }

    public void setPrunedBackupId(String prunedBackupId) {
        this.prunedBackupId = prunedBackupId;
    }

    public Instant getPrunedAt() {
        return prunedAt;
    }

    public void setPrunedAt(Instant prunedAt) {
        this.prunedAt = prunedAt;
    }

    public String getTargetMarkBefore() {
        return targetMarkBefore;
    }

    public void setTargetMarkBefore(String targetMarkBefore) {
        this.targetMarkBefore = targetMarkBefore;
    }

    public String getTargetMarkAfter() {
        return targetMarkAfter;
    }

    public void setTargetMarkAfter(String targetMarkAfter) {
        this.targetMarkAfter = targetMarkAfter;
    }
}
