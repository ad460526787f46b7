package dev.sessiondb.store.sql;

import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreLayout;
import java.util.Map;
import java.util.Set;

/** Which layout a database holds, told apart by its tables and the columns of {@code sessions}. */
final class LayoutDetection {

    private LayoutDetection() {
    }

    /**
     * @param override the layout the locator asks for, or null to detect it
     * @return the layout to open; when the database has no {@code sessions} table (only possible
     *         with {@link OpenMode#CREATE_IF_MISSING}) the layout to create. Our own schema history
     *         without a sessions table is a native store whose creation was killed: Flyway finishes it.
     */
    static StoreLayout choose(String name, StoreLayout override, Set<String> tables, Map<String, TableCatalog.Column> columns, OpenMode mode) {
        if (override == StoreLayout.MAGELLAI) {
            throw new StoreException(name + ": the magellai layout is a directory of JSON files; use jsondir:PATH for it");
        }
        if (!tables.contains("sessions")) {
            if (mode == OpenMode.EXISTING) {
                throw new StoreException(name + ": the database has no sessions table, so it is not a session store; check the path or database");
            }
            boolean interruptedNativeCreation = override == null || override == StoreLayout.NATIVE;
            if (tables.stream().anyMatch(table -> !table.startsWith("sqlite_")
                    && !(interruptedNativeCreation && table.equals(NativeSchema.HISTORY_TABLE)))) {
                throw new StoreException(name + ": the database holds other tables but no sessions table; give a new file or an empty database for a new store");
            }
            return override == null ? StoreLayout.NATIVE : override;
        }
        StoreLayout detected = detect(tables, columns);
        if (detected == null) {
            throw new StoreException(name + ": the sessions table has columns " + columns.keySet()
                    + " that match no known layout (native, minsky, chat); check that this is a session store");
        }
        if (override != null && override != detected) {
            throw new StoreException(name + ": the store has the " + detected.id() + " layout, not " + override.id()
                    + "; drop ?layout= or give ?layout=" + detected.id());
        }
        return detected;
    }

    private static StoreLayout detect(Set<String> tables, Map<String, TableCatalog.Column> columns) {
        if (columns.containsKey("session_key") && columns.containsKey("record")) {
            return StoreLayout.NATIVE;
        }
        if (ChatLayout.recognises(tables, columns)) {
            return StoreLayout.CHAT;
        }
        return MinskyLayout.recognises(columns) ? StoreLayout.MINSKY : null;
    }
}
