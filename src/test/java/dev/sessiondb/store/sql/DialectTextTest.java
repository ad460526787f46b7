package dev.sessiondb.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite's text columns are read as their UTF-8 bytes ({@link Dialect#text}), which must give what
 * the driver's {@code getString} gives for every value another tool may have left in them.
 */
class DialectTextTest {

    @TempDir
    Path directory;

    @Test
    void sqliteTextReadAsBytesIsWhatGetStringGivesForEveryKindOfValue() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + directory.resolve("values.db"));
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (position INTEGER PRIMARY KEY, v)");
            statement.execute("INSERT INTO t (v) VALUES (123), (-1.5), (1e300), ('été ✓ 𝄞'), (''), (NULL),"
                    + " (CAST(x'61ff62' AS TEXT)), (x'414243')");
            List<String> asText = new ArrayList<>();
            List<String> asString = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT v, v FROM t ORDER BY position")) {
                while (rows.next()) {
                    asText.add(Dialect.SQLITE.text(rows, 1));
                    asString.add(rows.getString(2));
                }
            }

            assertThat(asText).containsExactlyElementsOf(asString)
                    .startsWith("123", "-1.5", "1.0e+300", "été ✓ 𝄞", "", null)
                    .as("a byte that is not UTF-8 reads as the replacement character, as getString has it")
                    .contains("a\uFFFDb", "ABC");
        }
    }
}
