package dev.sessiondb.store.sql;

import dev.sessiondb.model.RecordHash;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.store.HashCursor;
import dev.sessiondb.store.KeyedText;
import dev.sessiondb.store.PrefetchingCursor;
import dev.sessiondb.store.PrefetchingIterator;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoredHash;
import dev.sessiondb.store.TextCursor;
import io.ebean.Transaction;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

/**
 * Every row of a store in key order, as records ({@link #records}) or as the record text it keeps
 * ({@link #texts}), or in the order the table is stored, for a pass that does not need key order
 * (its stored hashes, {@link #textHashesInStoredOrder}): a table filled out of key order reads
 * back through its key index about six times slower than by a scan (1M rows in SQLite: 5.4-7.1 s
 * against 0.8-1.1 s).
 */
final class SqlCursor {

    private SqlCursor() {
    }

    static PrefetchingCursor records(String storeName, Dialect dialect, Layout layout, Transaction transaction) {
        return records(storeName, dialect, layout, wholeRecords(layout), transaction);
    }

    /** As {@link #records}, a damaged record given as its stand-in ({@link Layout#readListed}): for a listing or a validation. */
    static PrefetchingCursor listedRecords(String storeName, Dialect dialect, Layout layout, Transaction transaction) {
        return records(storeName, dialect, layout, new Layout.FieldsRead(layout.selectList(), layout::readListed), transaction);
    }

    /** Every row as a whole record, in the order the table is stored. */
    static PrefetchingCursor recordsInStoredOrder(String storeName, Layout layout, Transaction transaction) {
        return recordsInStoredOrder(storeName, layout, wholeRecords(layout), transaction);
    }

    private static Layout.FieldsRead wholeRecords(Layout layout) {
        return new Layout.FieldsRead(layout.selectList(), layout::read);
    }

    /** Every row read as {@code read} says: whole records, or records holding a few fields ({@link Layout#fieldsRead}). */
    static PrefetchingCursor records(String storeName, Dialect dialect, Layout layout, Layout.FieldsRead read, Transaction transaction) {
        return records(storeName, everyRow(dialect, layout, read.selectList()), read, transaction);
    }

    /** Every row read as {@code read} says, in the order the table is stored: a scan, without the key index's lookups. */
    static PrefetchingCursor recordsInStoredOrder(String storeName, Layout layout, Layout.FieldsRead read, Transaction transaction) {
        return records(storeName, scan(layout, read.selectList()), read, transaction);
    }

    private static PrefetchingCursor records(String storeName, String sql, Layout.FieldsRead read, Transaction transaction) {
        SqlRows<SessionRecord> rows = new SqlRows<>(storeName, transaction, sql, read.reader());
        return new PrefetchingCursor() {
            @Override
            protected SessionRecord fetch() {
                return rows.next();
            }

            @Override
            public void close() {
                rows.close();
            }
        };
    }

    /** For a layout that keeps each record as text: in key order, each text's bytes as the driver hands them over, parsed only when asked for. */
    static TextCursor texts(String storeName, Dialect dialect, Layout layout, Transaction transaction) {
        SqlRows<KeyedText> rows = new SqlRows<>(storeName, transaction, everyRow(dialect, layout, layout.selectList()), row -> {
            String key = dialect.text(row, 1);
            byte[] text = row.getBytes(2);
            return new KeyedText(key, text, () -> layout.recordFromText(key, new String(text, StandardCharsets.UTF_8)));
        });
        class Texts extends PrefetchingIterator<KeyedText> implements TextCursor {
            @Override
            protected KeyedText fetch() {
                return rows.next();
            }

            @Override
            public void close() {
                rows.close();
            }
        }
        return new Texts();
    }

    /**
     * For a layout that keeps each record as text, in the order the table is stored (a scan,
     * without the key index's lookups), each text's hash, never parsed. PostgreSQL 11 and later
     * hash the text's UTF-8 bytes where they are kept, so only the key and 64 hex digits cross the
     * wire (a verification at 300k reads 24 MB instead of 165 MB, which a server across a network
     * feels). Elsewhere each text's bytes are hashed as the driver hands them over.
     */
    static HashCursor textHashesInStoredOrder(String storeName, Dialect dialect, Layout layout, Transaction transaction) {
        SqlRows<StoredHash> rows = hashesOnServer(storeName, dialect, transaction)
                ? new SqlRows<>(storeName, transaction, "SELECT t.key, encode(sha256(convert_to(t.text, 'UTF8')), 'hex') FROM ("
                        + scan(layout, layout.selectList()) + ") AS t (key, text)", row -> new StoredHash(row.getString(1), row.getString(2)))
                : new SqlRows<>(storeName, transaction, scan(layout, layout.selectList()),
                        row -> new StoredHash(dialect.text(row, 1), RecordHash.ofTextBytes(row.getBytes(2))));
        class TextHashes extends PrefetchingIterator<StoredHash> implements HashCursor {
            @Override
            protected StoredHash fetch() {
                return rows.next();
            }

            @Override
            public void close() {
                rows.close();
            }
        }
        return new TextHashes();
    }

    /** sha256() came with PostgreSQL 11. */
    private static boolean hashesOnServer(String storeName, Dialect dialect, Transaction transaction) {
        try {
            return dialect == Dialect.POSTGRESQL && transaction.connection().getMetaData().getDatabaseMajorVersion() >= 11;
        } catch (SQLException e) {
            transaction.end();
            throw new StoreException(storeName + ": cannot read the server's version (" + e.getMessage() + "); check the store", e);
        }
    }

    private static String everyRow(Dialect dialect, Layout layout, String selectList) {
        return scan(layout, selectList) + " ORDER BY " + dialect.binary(layout.keyExpression());
    }

    private static String scan(Layout layout, String selectList) {
        return "SELECT " + selectList + " FROM " + layout.rows() + " s";
    }
}
