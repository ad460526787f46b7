package dev.sessiondb.catalog;

import io.ebean.annotation.DbName;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The index entry of one backup of the journal. The backup itself stays a folder of files
 * ({@link dev.sessiondb.job.backup.BackupJournal}); this row says whose it is and whether undo
 * has put it back, so the history can be read without opening every folder.
 */
@Entity
@Table(name = "backup_entry")
@DbName(Catalog.NAME)
public class BackupEntry {

    @Id
    private String id;

    private String runId;
    private String reason;
    /** The store backed up, parseable, without a password. */
    private String locator;
    private String format;
    private String kind;
    private long records;
    private Instant createdAt;
    private Instant restoredAt;
    /** The undo run that began putting this backup back; while it has no outcome, whether it did is unknown. */
    private String restoreRunId;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getRunId() {
        return runId;
    }

    public void setRunId(String runId) {
        this.runId = runId;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getLocator() {
        return locator;
    }

    public void setLocator(String locator) {
        this.locator = locator;
    }

    public String getFormat() {
        return format;
    }

    public void setFormat(String format) {
        this.format = format;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public long getRecords() {
        return records;
    }

    public void setRecords(long records) {
        this.records = records;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }

    public Instant getRestoredAt() {
        return restoredAt;
    }

    public void setRestoredAt(Instant restoredAt) {
        this.restoredAt = restoredAt;
    }

    public String getRestoreRunId() {
        return restoreRunId;
    }

    public void setRestoreRunId(String restoreRunId) {
        this.restoreRunId = restoreRunId;
    }
}
