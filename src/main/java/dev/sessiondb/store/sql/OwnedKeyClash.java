package dev.sessiondb.store.sql;

import java.sql.SQLException;

/**
 * Two sessions' rows offering one key of an owned table ({@link TableWrite#ownerColumn}): the write fails whole, as the
 * database fails an owned upsert onto a row another session holds.
 */
final class OwnedKeyClash extends SQLException {

    OwnedKeyClash(TableWrite write, String key) {
        super("two sessions give " + write.table() + "." + write.keyColumn() + " '" + key + "'");
    }
}
