package dev.sessiondb.store.sql;

import dev.sessiondb.model.FieldType;
import dev.sessiondb.model.SessionField;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The columns of the {@code sessions} table Minsky writes, in its SQLite table's order: which release
 * added each and which dialects have it. The one list the new-store DDL, schema drift, era detection and
 * the layout's notes derive from. Names come from {@link SessionField}: Minsky's 2025 SQLite columns keep
 * the camelCase field name, every other column (all of PostgreSQL's, SQLite's 2026 additions) is snake_case.
 */
final class MinskyTable {

    /** When Minsky's table got a column. */
    enum Since {
        /** A 2025 SQLite column Minsky no longer names, which older records still carry. */
        LEGACY,
        MINSKY_2025,
        MINSKY_2026
    }

    /** What the column declares besides its type in the table Minsky creates. */
    enum Constraint {
        NONE(""), NOT_NULL(" NOT NULL"), PRIMARY_KEY(" PRIMARY KEY");

        private final String ddl;

        Constraint(String ddl) {
            this.ddl = ddl;
        }
    }

    record Column(SessionField field, Since since, Constraint constraint, boolean sqlite, boolean postgres) {

        String name(Dialect dialect) {
            return dialect == Dialect.SQLITE && since != Since.MINSKY_2026 ? field.jsonName() : field.snakeName();
        }

        /** The type Minsky declares: integers as {@code INTEGER}, everything else as {@code TEXT}. */
        String sqlType() {
            return field.type() == FieldType.INTEGER ? "INTEGER" : "TEXT";
        }

        boolean in(Dialect dialect) {
            return dialect == Dialect.SQLITE ? sqlite : postgres;
        }
    }

    static final List<Column> COLUMNS = List.of(
            both(SessionField.SESSION, Since.MINSKY_2025, Constraint.PRIMARY_KEY),
            both(SessionField.REPO_NAME, Since.MINSKY_2025, Constraint.NOT_NULL),
            both(SessionField.REPO_URL, Since.MINSKY_2025, Constraint.NONE),
            both(SessionField.CREATED_AT, Since.MINSKY_2025, Constraint.NOT_NULL),
            both(SessionField.TASK_ID, Since.MINSKY_2025, Constraint.NONE),
            new Column(SessionField.BRANCH, Since.LEGACY, Constraint.NONE, true, false),
            new Column(SessionField.REPO_PATH, Since.MINSKY_2025, Constraint.NONE, true, false),
            both(SessionField.PR_BRANCH, Since.MINSKY_2025, Constraint.NONE),
            both(SessionField.PR_APPROVED, Since.MINSKY_2025, Constraint.NONE),
            both(SessionField.PR_STATE, Since.MINSKY_2025, Constraint.NONE),
            both(SessionField.BACKEND_TYPE, Since.MINSKY_2025, Constraint.NONE),
            both(SessionField.PULL_REQUEST, Since.MINSKY_2025, Constraint.NONE),
            both(SessionField.LAST_ACTIVITY_AT, Since.MINSKY_2026, Constraint.NONE),
            both(SessionField.LAST_COMMIT_HASH, Since.MINSKY_2026, Constraint.NONE),
            both(SessionField.LAST_COMMIT_MESSAGE, Since.MINSKY_2026, Constraint.NONE),
            both(SessionField.COMMIT_COUNT, Since.MINSKY_2026, Constraint.NONE),
            both(SessionField.STATUS, Since.MINSKY_2026, Constraint.NONE),
            both(SessionField.AGENT_ID, Since.MINSKY_2026, Constraint.NONE),
            new Column(SessionField.PROJECT_ID, Since.MINSKY_2026, Constraint.NONE, false, true),
            new Column(SessionField.INTERFACE_BINDING, Since.MINSKY_2026, Constraint.NONE, false, true),
            new Column(SessionField.SHORT_ID, Since.MINSKY_2026, Constraint.NONE, false, true));

    private MinskyTable() {
    }

    private static Column both(SessionField field, Since since, Constraint constraint) {
        return new Column(field, since, constraint, true, true);
    }

    /** The dialect's columns Minsky added in that release, in table order. */
    static List<Column> columns(Dialect dialect, Since since) {
        return COLUMNS.stream().filter(column -> column.in(dialect) && column.since() == since).toList();
    }

    /** The names of the dialect's columns Minsky added in that release, in table order. */
    static List<String> names(Dialect dialect, Since since) {
        return columns(dialect, since).stream().map(column -> column.name(dialect)).toList();
    }

    /**
     * The SQLite table a new store made with {@code ?layout=minsky} gets: the table Minsky's last SQLite
     * release (2026, until June 2026) ends up with after opening a file — its {@code CREATE TABLE} plus the
     * columns it adds with {@code ALTER TABLE}, in that order — with the legacy {@code branch} column
     * (Minsky reads only the columns it names). A PostgreSQL database is never created in Minsky's layout:
     * see {@link SqlStores#minskyPostgresRefusal}.
     */
    static String sqliteDdl() {
        return COLUMNS.stream().filter(Column::sqlite)
                .map(column -> "    " + column.name(Dialect.SQLITE) + " " + column.sqlType() + column.constraint().ddl)
                .collect(Collectors.joining(",\n", "CREATE TABLE sessions (\n", "\n)"));
    }
}
