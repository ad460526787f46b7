package dev.sessiondb.store.sql;

import dev.sessiondb.model.SessionRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;

/** Rows put into a native store of an older schema as that version wrote them: a write through the store would upgrade it first. */
final class OlderSchemaRows {

    private OlderSchemaRows() {
    }

    static void insert(DataSource olderVersion, List<SessionRecord> records) throws SQLException {
        List<String> columns = NativeLayout.columns();
        try (Connection connection = olderVersion.getConnection(); PreparedStatement insert = connection.prepareStatement("INSERT INTO sessions ("
                + String.join(", ", columns) + ") VALUES (" + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")")) {
            for (SessionRecord record : records) {
                Object[] values = NativeLayout.values(record);
                for (int i = 0; i < values.length; i++) {
                    insert.setObject(i + 1, values[i]);
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
