package dev.sessiondb.catalog;

import java.util.Set;

/**
 * A run of the history and the change marks of its target while it holds what the run left there
 * ({@link JobHistory#resultOf}); none when they were not recorded.
 */
record JobResult(PastJob job, Set<String> marks) {

    JobResult {
        marks = Set.copyOf(marks);
    }
}
