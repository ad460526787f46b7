package dev.sessiondb.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.Fixtures;
import dev.sessiondb.cli.CliRun;
import dev.sessiondb.model.FieldFilter;
import dev.sessiondb.model.SessionQuery;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.model.SortKey;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLocator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteDataSource;

/**
 * A native store made before its task id was indexed in task order: read as it is, it sorts by task in task order
 * already; {@code sessiondb upgrade} replaces its index on the task id's text by the task order's, which then serves a
 * page sorted by task and a filter by task id.
 */
class TaskOrderIndexTest {

    private static final String[] TASK_IDS = {"#1000", "#999", "099", "#099", "md#099", "mt#099", "task#99", "abc", null, "#079", "079", "md#123", "mt#283"};

    @TempDir
    Path tempDir;

    @Test
    void theMigrationsIndexTheExpressionsPagesAndFiltersAskFor() throws IOException {
        assertThat(script("sqlite/V6__task_order_index.sql")).contains("(( " + TaskOrderSql.number(Dialect.SQLITE, "task_id") + " ), task_id)");
        assertThat(script("postgresql/V7__task_order_index.sql")).contains("(( " + TaskOrderSql.number(Dialect.POSTGRESQL, "task_id") + " ), task_id)");
    }

    @Test
    void aVersionFiveSqliteStoreSortsInTaskOrderAndItsUpgradeIndexesThatOrder() throws SQLException {
        Path file = tempDir.resolve("v5.db");
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl("jdbc:sqlite:" + file);
        assertThat(NativeSchema.migrate(dataSource, Dialect.SQLITE, null, "5")).isEqualTo("5");

        assertSortsInTaskOrderAcrossTheUpgrade(StoreLocator.parse("sqlite:" + file), dataSource, "SELECT name FROM sqlite_master WHERE type = 'index'");

        NativeLayout layout = new NativeLayout(Dialect.SQLITE, "test", NativeSchema.newest(Dialect.SQLITE));
        // no ANALYZE: with the statistics of 13 rows SQLite rightly sorts them, as it cannot know a large store's
        try (Connection connection = dataSource.getConnection()) {
            for (boolean descending : new boolean[] {false, true}) {
                assertThat(plan(connection, "EXPLAIN QUERY PLAN", pageStatement(layout, descending)))
                        .contains("SCAN s USING INDEX sessions_task_order").doesNotContain("TEMP B-TREE FOR ORDER BY");
            }
            Layout.SqlCondition filter = layout.filterCondition(new FieldFilter(SortKey.TASK_ID, "#099")).orElseThrow();
            assertThat(plan(connection, "EXPLAIN QUERY PLAN SELECT s.session_key FROM sessions s WHERE " + filter.sql(), filter.params()))
                    .contains("USING INDEX sessions_task_order");
            // the Task filter's pick list counts each id: in the index's order, not in a temp tree
            String groups = String.join(", ", layout.groupExpressions(SortKey.TASK_ID).orElseThrow());
            assertThat(plan(connection, "EXPLAIN QUERY PLAN SELECT s.task_id, count(*) FROM sessions s WHERE s.task_id IS NOT NULL GROUP BY " + groups, List.of()))
                    .contains("USING COVERING INDEX sessions_task_order").doesNotContain("TEMP B-TREE FOR GROUP BY");
        }
    }

    @Test
    void aVersionSixPostgresStoreSortsInTaskOrderAndItsUpgradeIndexesThatOrder() throws SQLException {
        TestPostgres postgres = TestPostgres.get();
        StoreLocator locator = postgres.freshSchema();
        PGSimpleDataSource dataSource = postgres.createdSchema(locator);
        assertThat(NativeSchema.migrate(dataSource, Dialect.POSTGRESQL, dataSource.getCurrentSchema(), "6")).isEqualTo("6");

        assertSortsInTaskOrderAcrossTheUpgrade(locator, dataSource, "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()");

        NativeLayout layout = new NativeLayout(Dialect.POSTGRESQL, "test", NativeSchema.newest(Dialect.POSTGRESQL));
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            // a table this small is scanned and sorted unless the planner may not
            statement.execute("SET enable_seqscan = off");
            statement.execute("SET enable_sort = off");
            assertThat(plan(connection, "EXPLAIN", pageStatement(layout, false))).contains("Index Scan using sessions_task_order");
            // the index read backwards gives DESC NULLS FIRST: the sessions with a task id are read from it, those without one after
            assertThat(plan(connection, "EXPLAIN", pageStatement(layout, true))).contains("Index Scan Backward using sessions_task_order");
            Layout.SqlCondition filter = layout.filterCondition(new FieldFilter(SortKey.TASK_ID, "#099")).orElseThrow();
            assertThat(plan(connection, "EXPLAIN SELECT s.session_key FROM sessions s WHERE " + filter.sql(), filter.params()))
                    .contains("sessions_task_order");
        }
    }

    private void assertSortsInTaskOrderAcrossTheUpgrade(StoreLocator locator, DataSource olderVersion, String indexNames) throws SQLException {
        List<SessionRecord> records = new ArrayList<>();
        List<SessionRecord> fixture = Fixtures.minskyRecords();
        for (int i = 0; i < TASK_IDS.length; i++) {
            records.add(TASK_IDS[i] == null ? fixture.get(i).without("taskId") : fixture.get(i).with("taskId", TASK_IDS[i]));
        }
        OlderSchemaRows.insert(olderVersion, records);
        assertThat(names(olderVersion, indexNames)).contains("sessions_task_id").doesNotContain("sessions_task_order");
        assertSortedAndFilteredAsTheReference(locator, records);

        CliRun upgrade = CliRun.of("upgrade", locator.display(), "--backup-dir", tempDir.resolve("journal").toString());
        assertThat(upgrade.exitCode()).as(upgrade.err()).isZero();

        assertThat(names(olderVersion, indexNames)).contains("sessions_task_order").doesNotContain("sessions_task_id");
        assertSortedAndFilteredAsTheReference(locator, records);
    }

    private static void assertSortedAndFilteredAsTheReference(StoreLocator locator, List<SessionRecord> records) {
        try (SessionStore store = StoreFactory.open(locator, OpenMode.EXISTING)) {
            SessionQuery byTask = SessionQuery.all().sortedBy(SortKey.TASK_ID, false).page(0, 100);
            assertThat(store.page(byTask).records()).extracting(record -> record.taskId().orElse(null))
                    .containsExactly("#079", "079", "#099", "099", "md#099", "mt#099", "task#99", "md#123", "mt#283", "#999", "#1000", "abc", null);
            for (SessionQuery query : List.of(byTask.sortedBy(SortKey.TASK_ID, true), byTask.page(3, 4))) {
                assertThat(store.page(query).records()).as(query.toString()).extracting(SessionRecord::key).isEqualTo(reference(records, query));
            }
            for (String taskId : TASK_IDS) {
                SessionQuery filtered = byTask.withFilters(List.of(taskId == null ? FieldFilter.withoutValue(SortKey.TASK_ID) : new FieldFilter(SortKey.TASK_ID, taskId)));
                assertThat(store.page(filtered).records()).as(filtered.toString()).extracting(SessionRecord::key).isEqualTo(reference(records, filtered));
            }
        }
    }

    private static List<String> reference(List<SessionRecord> records, SessionQuery query) {
        return records.stream().filter(query::matches).sorted(query.comparator()).skip(query.offset()).limit(query.limit()).map(SessionRecord::key).toList();
    }

    /** The statement of a page of 10 sorted by task, as {@link PageQuery} asks for it. */
    private static PageQuery.PageStatement pageStatement(NativeLayout layout, boolean descending) {
        SessionQuery query = SessionQuery.all().sortedBy(SortKey.TASK_ID, descending).page(0, 10);
        return new PageQuery(layout.dialect(), layout, query, null).pageStatement("", List.of());
    }

    private static String plan(Connection connection, String explain, PageQuery.PageStatement page) throws SQLException {
        return plan(connection, explain + " " + page.sql(), page.params());
    }

    private static String plan(Connection connection, String sql, List<Object> params) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (PreparedStatement statement = PageQuery.prepare(connection, sql, params); ResultSet rows = statement.executeQuery()) {
            int last = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                plan.append(rows.getString(last)).append('\n');
            }
        }
        return plan.toString();
    }

    private static List<String> names(DataSource dataSource, String query) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private static String script(String path) throws IOException {
        try (InputStream in = TaskOrderIndexTest.class.getResourceAsStream("/db/migration/" + path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("\\s+", " ");
        }
    }
}
