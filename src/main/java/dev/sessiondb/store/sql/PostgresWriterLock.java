package dev.sessiondb.store.sql;

import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.StoreWriterLock;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;

/**
 * A PostgreSQL store's writer lock: a session-level advisory lock keyed by the store's database and schema, held on a
 * connection of its own for the whole write. The server lets go of it when that session ends, also when the process
 * holding it is killed. The holder's name is the session's {@code application_name}, for the refusal to quote.
 */
final class PostgresWriterLock implements StoreWriterLock {

    private static final int ANSWER_SECONDS = 10;

    private final Connection connection;
    private final long key;

    private PostgresWriterLock(Connection connection, long key) {
        this.connection = connection;
        this.key = key;
    }

    static StoreWriterLock hold(StoreLocator locator, String identity, String holder) throws SQLException {
        long key = keyOf(identity);
        Connection connection = SqlCatalog.connectToPostgres(locator, ANSWER_SECONDS);
        try {
            try (PreparedStatement name = connection.prepareStatement("select set_config('application_name', ?, false)")) {
                name.setString(1, holder);
                name.execute();
            }
            try (PreparedStatement take = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
                take.setLong(1, key);
                try (ResultSet taken = take.executeQuery()) {
                    if (taken.next() && taken.getBoolean(1)) {
                        return new PostgresWriterLock(connection, key);
                    }
                }
            }
            throw StoreWriterLock.busy(locator.display(), holderOf(connection, key).orElse(""));
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** The run holding the store's lock now, if one does: read from the server's list of locks, so nothing is taken. */
    static Optional<String> holderNow(StoreLocator locator, String identity) throws SQLException {
        try (Connection connection = SqlCatalog.connectToPostgres(locator, ANSWER_SECONDS)) {
            return holderOf(connection, keyOf(identity));
        }
    }

    /** The name the session holding the lock gave itself (empty when the server does not show it); none when no session holds it. */
    private static Optional<String> holderOf(Connection connection, long key) throws SQLException {
        try (PreparedStatement who = connection.prepareStatement("select a.application_name from pg_locks l left join pg_stat_activity a on a.pid = l.pid"
                + " where l.locktype = 'advisory' and l.granted and l.objsubid = 1 and l.classid::bigint = ? and l.objid::bigint = ?"
                + " and l.database = (select oid from pg_database where datname = current_database())")) {
            who.setLong(1, key >>> 32);
            who.setLong(2, key & 0xFFFFFFFFL);
            try (ResultSet holder = who.executeQuery()) {
                return holder.next() ? Optional.of(Objects.toString(holder.getString(1), "")) : Optional.empty();
            }
        }
    }

    /** The same key from every process for one store: the first 8 bytes of SHA-256 of its identity. */
    private static long keyOf(String identity) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(("sessiondb writer|" + identity).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(hash).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    /**
     * Lets go of the lock, then ends the session. The server ends a closed session a moment after the client closed it, so
     * a next writer quick enough (an undo following the job it undoes) was refused by the run that had ended: the unlock
     * returns once the lock is free.
     */
    @Override
    public void close() {
        try (connection; PreparedStatement release = connection.prepareStatement("select pg_advisory_unlock(?)")) {
            release.setLong(1, key);
            release.execute();
        } catch (SQLException e) {
            // a session the server ended holds nothing; one left ends with its connection, and its lock with it
        }
    }
}
