package dev.sessiondb.store.sql;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** The values a foreign key's target column holds, each column read once per store: whether a record's reference would hold. */
final class ReferencedKeys {

    private final Map<TableCatalog.ForeignKey, Set<String>> byKey = new ConcurrentHashMap<>();
    private final Function<SqlWork<Set<String>>, Set<String>> read;

    /** @param read runs a read on the store's connection, its failures named as the store's */
    ReferencedKeys(Function<SqlWork<Set<String>>, Set<String>> read) {
        this.read = read;
    }

    /** Whether the foreign key's target holds the value. */
    boolean contain(TableCatalog.ForeignKey key, String value) {
        return byKey.computeIfAbsent(key, absent -> read.apply(connection -> {
            Set<String> values = new HashSet<>();
            String sql = "SELECT CAST(" + Dialect.quote(key.referencedColumn()) + " AS TEXT) FROM " + key.qualifiedTable();
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        })).contains(value);
    }
}
