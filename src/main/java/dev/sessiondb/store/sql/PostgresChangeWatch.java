package dev.sessiondb.store.sql;

import dev.sessiondb.store.ChangeWatch;
import java.util.List;
import java.util.Optional;

/**
 * Whether anyone wrote to a PostgreSQL store's tables since the watch began, told by the server's counters of inserted, updated
 * and deleted rows and by the tables' files ({@link PostgresFingerprint#writesSeen}): a catalogue look per table, without the
 * count of the rows the fingerprint adds, which takes 0.1 s at a million sessions and misses an update that keeps the count.
 * A write shows once its session publishes its counters: ours at its commit ({@link PostgresFingerprint#publishAtCommit}), so
 * a watch begun after our own write starts from it; another client's at its commit when it published none in the second
 * before, else once it has idled ten seconds or ended (PostgreSQL 15's cumulative statistics). The live-row estimate is left
 * out: a vacuum or an analyze sets it, and nobody wrote.
 */
final class PostgresChangeWatch implements ChangeWatch {

    private final SqlTransactions transactions;
    private final List<String> tables;
    private final String start;

    private PostgresChangeWatch(SqlTransactions transactions, List<String> tables, String start) {
        this.transactions = transactions;
        this.tables = tables;
        this.start = start;
    }

    /** The watch from now; empty where the server publishes no prompt counters ({@link PostgresChangeMark#countsWritesPromptly}). */
    static Optional<ChangeWatch> start(SqlTransactions transactions, List<String> tables) {
        return transactions.readAlone(connection -> PostgresChangeMark.countsWritesPromptly(connection)
                ? Optional.of(new PostgresChangeWatch(transactions, tables, PostgresFingerprint.writesSeen(connection, tables)))
                : Optional.empty());
    }

    @Override
    public boolean changed() {
        return !transactions.readAlone(connection -> PostgresFingerprint.writesSeen(connection, tables)).equals(start);
    }
}
