package dev.sessiondb.validation;

import dev.sessiondb.model.SessionField;
import dev.sessiondb.model.SessionRecord;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One validation rule. A run is two streaming passes at most: checks that compare records
 * with each other first {@link #survey} every record (keeping compact counts and key sets),
 * then every check {@link #inspect}s every record; store-wide findings come at {@link #finish}.
 * A check instance serves one run.
 */
public interface Check {

    /** The stable name users pass to {@code --check}. */
    String name();

    /** Called once before the first pass: a check that reads the store by other means starts that read here, to run beside the passes. */
    default void start() {
    }

    /** True when {@link #survey} must see every record before {@link #inspect} sees the first. */
    default boolean needsSurvey() {
        return false;
    }

    /**
     * True when {@link #inspect} runs on the thread that reads and parses the records, ahead of
     * the reporting (findings are still reported in record order, each record's in check order).
     * Only for a check whose inspect reads just the record and what {@link #survey} gathered, and
     * changes nothing. Which such checks do is a matter of keeping both threads about equally
     * busy (BENCHMARKS.md, validate).
     */
    default boolean inspectsOnReadingThread() {
        return false;
    }

    /**
     * The top-level fields {@link #survey} reads besides the key. The survey may be handed records
     * holding only those (a SQL store reads them from their columns without parsing records).
     */
    default Set<SessionField> surveyedFields() {
        return Set.of();
    }

    /** Sees each record with at least its key and {@link #surveyedFields()}. */
    default void survey(SessionRecord record) {
    }

    default void inspect(SessionRecord record, Consumer<Finding> findings) {
    }

    default void finish(Consumer<Finding> findings) {
    }
}
