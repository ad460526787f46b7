package dev.sessiondb.store;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The tables and columns a store's database really has, read from its own catalogue without
 * opening it as a session store. File stores have none.
 *
 * @param tables columns by lower-cased table name, in the database's order
 */
public record StoreCatalog(Map<String, List<Column>> tables) {

    public static final StoreCatalog NONE = new StoreCatalog(Map.of());

    public StoreCatalog {
        tables = Map.copyOf(tables);
    }

    /**
     * @param type     the database's type name, lower-cased
     * @param length   the declared length of a text column, when it has one
     */
    public record Column(String name, String type, Optional<Integer> length, boolean nullable) {
    }

    public List<Column> columns(String table) {
        return tables.getOrDefault(table.toLowerCase(Locale.ROOT), List.of());
    }

    public boolean hasTable(String table) {
        return tables.containsKey(table.toLowerCase(Locale.ROOT));
    }

    /** Lower-cased column names of a table; empty when it does not exist. */
    public List<String> columnNames(String table) {
        return columns(table).stream().map(column -> column.name().toLowerCase(Locale.ROOT)).toList();
    }
}
