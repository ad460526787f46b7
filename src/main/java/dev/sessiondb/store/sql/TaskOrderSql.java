package dev.sessiondb.store.sql;

import java.util.Collections;
import java.util.List;

/**
 * {@link dev.sessiondb.model.TaskIdOrder} in SQL: by the task number, then by the task id's text. The number comes
 * from built-in functions only, so that {@code sqlite3} and {@code psql} can still write a store
 * whose index holds it (the native stores' V6 in SQLite, V7 in PostgreSQL, on the number and the
 * task id). In SQLite a few GLOBs and a cast give it: the whole sort text took about 1 µs a row to
 * compute, several times the old index's build at 300k. An id that is no number is its text in
 * SQLite, which sorts every text after every integer, and one more than the largest number in PostgreSQL.
 */
final class TaskOrderSql {

    /** Whether SQLite's task id {@code {t}} reads as a task number, as {@link dev.sessiondb.model.TaskId#parse} reads one without space around it. */
    private static final String SQLITE_NUMBER = "({t} GLOB '[0-9]*' AND {t} NOT GLOB '*[^0-9]*'"
            + " OR {t} GLOB '*#[0-9]*' AND {t} NOT GLOB '*#*[^0-9]*' AND {t} NOT GLOB '*[^A-Za-z]*#*' AND instr({t}, '#') <= 9)";
    /**
     * The same in PostgreSQL ({@code {0,1}} rather than {@code ?}, which JDBC would take for a parameter), its number no
     * larger than SQLite's CAST makes it.
     */
    private static final String POSTGRES_NUMBER = "CASE WHEN {t} IS NULL THEN NULL WHEN {t} ~ '^([A-Za-z]{0,8}#){0,1}[0-9]+$'"
            + " THEN least(CAST(substr({t}, strpos({t}, '#') + 1) AS numeric), 9223372036854775807) ELSE 9223372036854775808 END";

    private TaskOrderSql() {
    }

    /** The task number of {@code taskId} (an SQL expression), sorting before any id that is no number; null for null. */
    static String number(Dialect dialect, String taskId) {
        String number = dialect == Dialect.SQLITE
                ? "CASE WHEN " + SQLITE_NUMBER + " THEN CAST(substr({t}, instr({t}, '#') + 1) AS INTEGER) ELSE {t} END"
                : POSTGRES_NUMBER;
        return number.replace("{t}", taskId);
    }

    /** What a page sorts by, in this order: the number, then the task id in binary order. */
    static List<String> orderBy(Dialect dialect, String taskId) {
        return List.of(number(dialect, taskId), dialect.binary(taskId));
    }

    /** The task number's condition of a filter by {@code value}: its number as the index holds it, each use of the value a parameter. */
    static Layout.SqlCondition sameNumber(Dialect dialect, String taskId, String value) {
        String parameter = number(dialect, dialect == Dialect.SQLITE ? "?" : "CAST(? AS TEXT)");
        long uses = parameter.chars().filter(c -> c == '?').count();
        return new Layout.SqlCondition(number(dialect, taskId) + " = " + parameter, Collections.nCopies((int) uses, value));
    }
}
