package dev.sessiondb.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fingerprint of a WAL-mode SQLite file moves with each commit and with nothing else. */
class SqliteFingerprintTest {

    @TempDir
    Path dir;

    @Test
    void aRolledBackTransactionThatSpilledIntoTheWalLeavesTheFingerprintAsItWasAndACommitChangesIt() throws Exception {
        Path database = dir.resolve("wal.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database); Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode=WAL");
            statement.execute("CREATE TABLE t (v TEXT)");
            statement.execute("INSERT INTO t VALUES ('committed')");
            String committed = SqliteFingerprint.of(database);

            // a page cache of a few pages makes the transaction write its pages into the WAL before any commit
            statement.execute("PRAGMA cache_size=2");
            connection.setAutoCommit(false);
            statement.execute("INSERT INTO t SELECT hex(randomblob(500)) FROM (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) SELECT i FROM n)");
            long walWithSpill = Files.size(Path.of(database + "-wal"));
            connection.rollback();

            assertThat(walWithSpill).as("the rolled-back transaction's frames reached the WAL").isGreaterThan(100_000);
            assertThat(SqliteFingerprint.of(database)).isEqualTo(committed);

            statement.execute("INSERT INTO t VALUES ('another')");
            connection.commit();
            assertThat(SqliteFingerprint.of(database)).isNotEqualTo(committed);
        }
    }
}
