package dev.sessiondb.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The COPY sink against a real server: text columns go in COPY's binary format, a table with a
 * column of another type in the text format; both give back exactly what was written.
 */
class PostgresCopyFormatsTest {

    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static final String AWKWARD = "back\\slash\ttab\nline\r\nreturn \\N é 日本 \uD83D\uDE80 end\\";

    @Test
    void textColumnsRoundTripThroughTheBinaryFormat() throws SQLException {
        List<Object[]> rows = List.of(new Object[] {"k1", AWKWARD, "short"}, new Object[] {"k2", null, ""}, new Object[] {"k3", "", null});
        assertThat(roundTrip("(k text PRIMARY KEY, v text, w varchar(50))", List.of("k", "v", "w"), rows, true)).containsExactlyElementsOf(texts(rows));
    }

    @Test
    void aColumnOfAnotherTypeKeepsTheTextFormat() throws SQLException {
        List<Object[]> rows = List.of(new Object[] {"k1", 42, AWKWARD}, new Object[] {"k2", null, null});
        assertThat(roundTrip("(k text PRIMARY KEY, n integer, v text)", List.of("k", "n", "v"), rows, false)).containsExactlyElementsOf(texts(rows));
    }

    /** Writes the rows through a sink in the format expected, in one transaction; the rows read back as text, in key order. */
    private static List<List<String>> roundTrip(String definition, List<String> columns, List<Object[]> rows, boolean binary) throws SQLException {
        String table = "copy_formats_" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet();
        try (Connection connection = TestPostgres.get().adminConnection()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE " + table + " " + definition);
            }
            connection.setAutoCommit(false);
            try (PostgresCopySink sink = new PostgresCopySink(connection, TableWrite.upsert(table, columns, "k"))) {
                assertThat(sink.copiesBinary()).isEqualTo(binary);
                for (Object[] row : rows) {
                    sink.add(row);
                }
                sink.finish();
            }
            connection.commit();
            List<List<String>> read = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet result = statement.executeQuery("SELECT " + String.join(", ", columns) + " FROM " + table + " ORDER BY k")) {
                while (result.next()) {
                    List<String> values = new ArrayList<>();
                    for (int i = 1; i <= columns.size(); i++) {
                        values.add(result.getString(i));
                    }
                    read.add(values);
                }
            }
            return read;
        }
    }

    private static List<List<String>> texts(List<Object[]> rows) {
        return rows.stream().map(row -> Arrays.stream(row).map(value -> value == null ? null : value.toString()).toList()).toList();
    }
}
