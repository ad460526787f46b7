package dev.sessiondb.store.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * What a large write lifted (sort indexes, the search index, triggers), put back once the rows
 * are in. Each step is one statement that stands on its own, so steps may run on parallel
 * connections; {@code setup} runs first in every transaction that runs steps.
 */
record Rebuild(List<String> setup, List<String> steps) {

    static final Rebuild NONE = new Rebuild(List.of(), List.of());
    /** A step that gathers the planner's statistics: it runs once every other step is done, to see the indexes they build. */
    static final String STATISTICS_PREFIX = "ANALYZE ";

    Rebuild {
        setup = List.copyOf(setup);
        steps = List.copyOf(steps);
    }

    static boolean gathersStatistics(String step) {
        return step.startsWith(STATISTICS_PREFIX);
    }

    boolean isEmpty() {
        return steps.isEmpty();
    }

    /** The same rebuild without {@code step}, which the caller does its own way. */
    Rebuild without(String step) {
        return new Rebuild(setup, steps.stream().filter(owed -> !owed.equals(step)).toList());
    }

    /** Every step, in order, on one connection inside the caller's transaction. */
    void runAll(Connection connection) throws SQLException {
        execute(connection, setup);
        execute(connection, steps);
    }

    static void execute(Connection connection, List<String> statements) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
