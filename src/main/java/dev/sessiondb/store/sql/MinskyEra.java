package dev.sessiondb.store.sql;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Which Minsky release family wrote a SQL store, told from the table's columns (SQLite) or from
 * Minsky's Drizzle ledger (PostgreSQL). Shown by {@code sessiondb info} and the app.
 *
 * @param name  a stable id: {@code minsky-sqlite-2025}, {@code minsky-sqlite-2026}, {@code minsky-postgresql}
 * @param text  the era as a user reads it
 * @param notes what the era means for using the store with Minsky
 */
record MinskyEra(String name, String text, List<String> notes) {

    /** Columns Minsky 2026 adds to a SQLite file each time it opens it. */
    static final List<String> SQLITE_2026_COLUMNS = MinskyTable.names(Dialect.SQLITE, MinskyTable.Since.MINSKY_2026);

    MinskyEra {
        notes = List.copyOf(notes);
    }

    static MinskyEra sqlite(Map<String, TableCatalog.Column> columns) {
        if (SQLITE_2026_COLUMNS.stream().anyMatch(columns::containsKey)) {
            return new MinskyEra("minsky-sqlite-2026", "Minsky SQLite, 2026 columns (until June 2026)", List.of());
        }
        return new MinskyEra("minsky-sqlite-2025", "Minsky SQLite, 2025 columns",
                List.of("Minsky releases from 2026 add the columns " + String.join(", ", SQLITE_2026_COLUMNS) + " when they open this file"));
    }

    static MinskyEra postgres(OptionalLong ledgerMigrations) {
        if (ledgerMigrations.isEmpty()) {
            return new MinskyEra("minsky-postgresql", "Minsky PostgreSQL, no Drizzle ledger",
                    List.of("the database has no drizzle.__drizzle_migrations ledger, so Minsky's migrator refuses it (\"ledger-lost\");"
                            + " create a database with Minsky (minsky persistence migrate) and merge these sessions into it"
                            + " (sessiondb migrate THIS TARGET --mode merge)"));
        }
        long count = ledgerMigrations.getAsLong();
        return new MinskyEra("minsky-postgresql", "Minsky PostgreSQL, Drizzle ledger with " + count + (count == 1 ? " migration" : " migrations"), List.of());
    }

    /** The era as {@code info} shows it: id and description. */
    String describe() {
        return name + " (" + text + ")";
    }
}
