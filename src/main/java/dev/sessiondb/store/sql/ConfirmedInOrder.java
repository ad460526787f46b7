package dev.sessiondb.store.sql;

import dev.sessiondb.model.SessionQuery;
import dev.sessiondb.model.SessionRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A page without its count whose matches Java confirms ({@link SessionQuery#matches}, masks and all) over the rows SQL narrows
 * to, read in SQL's order of the page, which is the reference's, and no further than the page's last match. A broad word in a
 * chat server's store read every session with its messages to sort them in Java: 100,000 for a page of 5 (1.5-1.8 s as a whole
 * {@code ls --limit 5}). A row SQL lets through that Java rejects is passed over, so the page fills from the rows after it.
 */
final class ConfirmedInOrder {

    private final Layout layout;
    private final SessionQuery query;
    private final long reach;
    private final List<SessionRecord> page = new ArrayList<>();
    private long matched;

    ConfirmedInOrder(Layout layout, SessionQuery query) {
        this.layout = layout;
        this.query = query;
        this.reach = query.offset() + query.limit();
    }

    /**
     * The page's records.
     *
     * @param fromAndOrder the rows' {@code FROM ... WHERE ...} (each row is {@code s}) and {@code ORDER BY ...}
     */
    List<SessionRecord> read(Connection connection, String fromAndOrder, List<Object> params) throws SQLException {
        if (layout.readsRowsAfterPaging()) {
            keysThenRows(connection, fromAndOrder, params);
        } else {
            rows(connection, fromAndOrder, params);
        }
        return page;
    }

    /** The rows in order from one statement, a fetch's worth at a time: such a row costs no lookup, and rejected ones no round trip each. */
    private void rows(Connection connection, String fromAndOrder, List<Object> params) throws SQLException {
        try (PreparedStatement select = PageQuery.prepare(connection, "SELECT " + layout.selectList() + fromAndOrder, params)) {
            select.setFetchSize(Dialect.FETCH_SIZE);
            try (ResultSet rows = select.executeQuery()) {
                while (!full() && rows.next()) {
                    confirm(layout.readListed(rows));
                }
            }
        }
    }

    /**
     * The keys in order, and the rows of each chunk of them after: a layout whose rows cost a lookup each
     * ({@link Layout#readsRowsAfterPaging}) would make its sort pay it for every row. Chunks start at what the page still
     * lacks and grow while Java rejects what SQL let through.
     */
    private void keysThenRows(Connection connection, String fromAndOrder, List<Object> params) throws SQLException {
        try (PreparedStatement select = PageQuery.prepare(connection, "SELECT " + layout.keyExpression() + fromAndOrder, params)) {
            select.setFetchSize(Dialect.FETCH_SIZE);
            try (ResultSet keys = select.executeQuery()) {
                int size = 0;
                boolean more = true;
                while (!full() && more) {
                    size = chunk(size);
                    List<Object> chunk = new ArrayList<>(size);
                    while (chunk.size() < size && (more = keys.next())) {
                        chunk.add(keys.getObject(1));
                    }
                    for (SessionRecord record : rowsOf(connection, chunk)) {
                        if (full()) {
                            break;
                        }
                        confirm(record);
                    }
                }
            }
        }
    }

    /** The rows of these keys, in their order; a key whose row went meanwhile is passed over. */
    private List<SessionRecord> rowsOf(Connection connection, List<Object> keys) throws SQLException {
        if (keys.isEmpty()) {
            return List.of();
        }
        String sql = "SELECT " + layout.selectList() + ", " + layout.keyExpression() + " FROM " + layout.rows() + " s WHERE "
                + layout.keyExpression() + " IN (" + String.join(", ", Collections.nCopies(keys.size(), "?")) + ")";
        Map<Object, SessionRecord> byKey = new HashMap<>();
        try (PreparedStatement select = PageQuery.prepare(connection, sql, keys); ResultSet rows = select.executeQuery()) {
            int keyColumn = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                byKey.put(rows.getObject(keyColumn), layout.readListed(rows));
            }
        }
        return keys.stream().map(byKey::get).filter(Objects::nonNull).toList();
    }

    /** What to read next: what the page still lacks, at least twice the last chunk, at most a fetch's worth. */
    private int chunk(int last) {
        return (int) Math.max(1, Math.min(Dialect.FETCH_SIZE, Math.max(reach - matched, 2L * last)));
    }

    private void confirm(SessionRecord record) {
        if (query.matches(record) && matched++ >= query.offset()) {
            page.add(record);
        }
    }

    private boolean full() {
        return matched >= reach;
    }
}
