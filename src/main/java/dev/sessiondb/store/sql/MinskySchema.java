package dev.sessiondb.store.sql;

import dev.sessiondb.store.SchemaGap;
import dev.sessiondb.store.StoreCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a store's sessions table lacks of {@link MinskyTable}'s columns, per dialect: missing columns of the 2025
 * schema lose data (Minsky's SQLite writer silently dropped PR data on a table without
 * {@code prState}); missing 2026 columns mean an older schema.
 */
final class MinskySchema {

    private MinskySchema() {
    }

    /** What the sessions table lacks; a missing table is one required gap named {@code sessions}. */
    static List<SchemaGap> gaps(Dialect dialect, StoreCatalog catalog) {
        if (!catalog.hasTable("sessions")) {
            return List.of(new SchemaGap("sessions", true, "let Minsky create the table on its next start"));
        }
        Set<String> columns = catalog.columnNames("sessions").stream().collect(Collectors.toSet());
        List<SchemaGap> gaps = new ArrayList<>();
        add(dialect, MinskyTable.columns(dialect, MinskyTable.Since.MINSKY_2025), true, columns, gaps);
        if (dialect == Dialect.POSTGRESQL) {
            add(dialect, MinskyTable.columns(dialect, MinskyTable.Since.MINSKY_2026), false, columns, gaps);
        }
        return gaps;
    }

    private static void add(Dialect dialect, List<MinskyTable.Column> expected, boolean required, Set<String> columns, List<SchemaGap> gaps) {
        for (MinskyTable.Column column : expected) {
            String name = column.name(dialect);
            if (!columns.contains(name.toLowerCase(Locale.ROOT))) {
                String declared = dialect == Dialect.SQLITE ? "\"" + name + "\"" : name;
                gaps.add(new SchemaGap(name, required, "ALTER TABLE sessions ADD COLUMN " + declared + " " + column.sqlType()));
            }
        }
    }
}
