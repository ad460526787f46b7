package dev.sessiondb.store.sql;

import dev.sessiondb.model.SecretMasker;
import dev.sessiondb.model.SessionQuery;
import dev.sessiondb.model.SortKey;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The keys of a store's rows whose searched text (session key, task id, repository, branch, a kind's own fields) tables show with a secret
 * masked: SQL finds a search word in the text as stored, so only these rows can be counted by SQL yet left out of every
 * page ({@link SessionQuery#foundOnlyBehindMasks}). Found by one read of those columns, then kept while the store's cheap
 * change token stays the same: a store without such a row (nearly every one) counts a search in one statement.
 */
final class MaskedSearchRows {

    private final SqlWork<String> changeToken;
    private String tokenRead;
    private List<String> keys;

    /** @param changeToken a look at the store that changes with every committed write and reads no row */
    MaskedSearchRows(SqlWork<String> changeToken) {
        this.changeToken = changeToken;
    }

    /** The keys as the store holds them now, read again only after a change. */
    synchronized List<String> keys(Connection connection, Layout layout) throws SQLException {
        String token = changeToken.run(connection);
        if (!token.equals(tokenRead)) {
            keys = read(connection, layout);
            tokenRead = token;
        }
        return keys;
    }

    private static List<String> read(Connection connection, Layout layout) throws SQLException {
        StringBuilder columns = new StringBuilder(layout.keyExpression());
        for (SortKey key : SessionQuery.SEARCHED) {
            columns.append(", ").append(layout.valueExpression(key).orElseThrow());
        }
        layout.kindFieldTexts().forEach(text -> columns.append(", ").append(text));
        List<String> found = new ArrayList<>();
        // PostgreSQL streams rows by the fetch size only inside a transaction: a page read alone would hold every row at once
        boolean alone = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement select = connection.createStatement()) {
            select.setFetchSize(Dialect.FETCH_SIZE);
            try (ResultSet rows = select.executeQuery("SELECT " + columns + " FROM " + layout.rows() + " s")) {
                int columnCount = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    if (holdsSecret(rows, columnCount)) {
                        found.add(rows.getString(1));
                    }
                }
            }
        } finally {
            connection.setAutoCommit(alone);
        }
        return List.copyOf(found);
    }

    private static boolean holdsSecret(ResultSet row, int columnCount) throws SQLException {
        for (int column = 2; column <= columnCount; column++) {
            if (SecretMasker.holdsSecret(row.getString(column))) {
                return true;
            }
        }
        return false;
    }
}
