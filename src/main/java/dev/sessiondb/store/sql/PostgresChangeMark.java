package dev.sessiondb.store.sql;

import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.StoreLayout;
import dev.sessiondb.store.StoreLocator;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A PostgreSQL store's change mark ({@link dev.sessiondb.store.StoreProvider#changeMark}): per
 * table its layout writes, the server's counters of inserted, updated and deleted row versions and
 * the relation's file ({@link PostgresFingerprint#writesSeen}), looked at on one brief connection
 * that reads no row, builds no pool and changes nothing. Every write counts, by anyone, even one
 * rolled back (a false alarm rather than a miss); so do a TRUNCATE and a rewrite (a new file). A
 * statistics reset or a crash's recovery also changes the mark: undo then asks for --force.
 * A write is seen once its session publishes its counters: at once for our own writes, which ask
 * for that at commit; another client's within seconds (when its session next idles, ends, or at the
 * latest after PostgreSQL's ten-second idle flush).
 */
final class PostgresChangeMark {

    /** A look that waits longer for a server is no cheap look: undo then says why it could not check. */
    private static final int ANSWER_SECONDS = 10;
    /** Before 15 the counters travel through the statistics collector, so our own write may show after the job's mark. */
    private static final int PROMPT_COUNTERS_SINCE = 150000;

    private PostgresChangeMark() {
    }

    /**
     * The mark; "absent" when the database does not exist, "no sessions table" when its schema holds
     * none. Empty where the server keeps no prompt counters (before PostgreSQL 15, or
     * {@code track_counts} off): a mark there would miss writes or flag our own.
     *
     * @throws java.sql.SQLException passed on: the caller words it with the server's name
     */
    static Optional<String> of(StoreLocator locator) throws SQLException {
        try (Connection connection = SqlCatalog.connectToPostgres(locator, ANSWER_SECONDS)) {
            if (!countsWritesPromptly(connection)) {
                return Optional.empty();
            }
            Set<String> tables = Dialect.POSTGRESQL.tables(connection);
            if (!tables.contains(NativeLayout.TABLE)) {
                return Optional.of("no sessions table");
            }
            StoreLayout layout = LayoutDetection.choose(locator.display(), locator.layoutOverride().orElse(null), tables,
                    TableCatalog.read(connection, Dialect.POSTGRESQL, NativeLayout.TABLE).columns(), OpenMode.EXISTING);
            return Optional.of(PostgresFingerprint.writesSeen(connection, tablesWritten(layout, locator.display())));
        } catch (SQLException e) {
            if ("3D000".equals(e.getSQLState())) {
                return Optional.of("absent");
            }
            throw e;
        }
    }

    /** Whether the server publishes a session's counters at its commit when asked (PostgreSQL 15 and newer) and counts at all ({@code track_counts}). */
    static boolean countsWritesPromptly(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT current_setting('server_version_num')::int >= " + PROMPT_COUNTERS_SINCE
                     + " AND current_setting('track_counts')::boolean")) {
            rows.next();
            return rows.getBoolean(1);
        }
    }

    /** The chat layout's messages besides every layout's sessions; a write of Minsky's other tables changes no record undo puts back. */
    private static List<String> tablesWritten(StoreLayout layout, String storeName) {
        return layout == StoreLayout.CHAT ? new ChatLayout(Dialect.POSTGRESQL, storeName).writes().stream().map(TableWrite::table).distinct().toList()
                : List.of(NativeLayout.TABLE);
    }
}
