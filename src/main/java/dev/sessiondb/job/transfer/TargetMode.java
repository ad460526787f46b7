package dev.sessiondb.job.transfer;

import java.util.Locale;

/** What a job may do to a target that already holds records. */
public enum TargetMode {
    /** The target must not exist or be empty. */
    NEW,
    /** The target holds exactly the job's records afterwards; backed up first. */
    REPLACE,
    /** The job's records are added, replacing records with the same key; backed up first. */
    MERGE;

    /** picocli accepts the names in lower case. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
