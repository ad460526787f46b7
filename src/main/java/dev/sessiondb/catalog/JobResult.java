package dev.sessiondb.catalog;

import java.util.Optional;
import java.util.Set;

/**
 * A run of the history and the change marks of its target while it holds what the run left there
 * ({@link JobHistory#resultOf}); none when they were not recorded.
 *
 * @param unfinishedUndo an undo run that began putting the run's backup back and never ended (killed in its
 *                       restore): the store may hold that backup, under a mark no run recorded
 */
record JobResult(PastJob job, Set<String> marks, Optional<String> unfinishedUndo) {

    JobResult {
        marks = Set.copyOf(marks);
    }
}
