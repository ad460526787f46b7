package dev.sessiondb.store.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.model.FieldType;
import dev.sessiondb.model.SessionField;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.model.SortKey;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreLayout;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Minsky's {@code sessions} table: camelCase columns in SQLite, snake_case in PostgreSQL. The
 * table's real columns are used, so an older table (no {@code prState}, no {@code branch})
 * still opens; fields without a column are reported by {@link #unsupportedFields}.
 */
final class MinskyLayout implements Layout {

    static final String KEY_COLUMN = "session";

    /** The columns Minsky's SQLite table has had; a missing one is worth a note. */
    private static final List<SessionField> EXPECTED = List.of(SessionField.REPO_URL, SessionField.TASK_ID, SessionField.BRANCH,
            SessionField.REPO_PATH, SessionField.PR_BRANCH, SessionField.PR_APPROVED, SessionField.PR_STATE,
            SessionField.BACKEND_TYPE, SessionField.PULL_REQUEST);

    private final Dialect dialect;
    private final String storeName;
    private final List<MinskyColumn> columns = new ArrayList<>();

    MinskyLayout(Dialect dialect, String storeName, Map<String, Dialect.ColumnInfo> tableColumns) {
        this.dialect = dialect;
        this.storeName = storeName;
        for (Dialect.ColumnInfo column : tableColumns.values()) {
            fieldOf(column.name()).ifPresent(field -> columns.add(MinskyColumn.of(field, column, dialect)));
        }
    }

    /** True when a table with these columns is Minsky's. */
    static boolean recognises(Map<String, Dialect.ColumnInfo> tableColumns) {
        return tableColumns.containsKey(KEY_COLUMN) && (tableColumns.containsKey("repoName") || tableColumns.containsKey("repo_name"));
    }

    private static Optional<SessionField> fieldOf(String column) {
        for (SessionField field : SessionField.values()) {
            if (field != SessionField.SESSION && field != SessionField.MESSAGES
                    && (field.jsonName().equals(column) || field.snakeName().equals(column))) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }

    private Optional<MinskyColumn> column(SessionField field) {
        return columns.stream().filter(column -> column.field() == field).findFirst();
    }

    @Override
    public StoreLayout id() {
        return StoreLayout.MINSKY;
    }

    @Override
    public String table() {
        return "sessions";
    }

    @Override
    public String keyExpression() {
        return "s." + Dialect.quote(KEY_COLUMN);
    }

    @Override
    public String selectList() {
        StringBuilder select = new StringBuilder(keyExpression());
        columns.forEach(column -> select.append(", ").append(column.select()));
        return select.toString();
    }

    @Override
    public SessionRecord read(ResultSet row) throws SQLException {
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        fields.put(KEY_COLUMN, row.getString(1));
        for (int i = 0; i < columns.size(); i++) {
            String text = row.getString(i + 2);
            if (text != null) {
                MinskyColumn column = columns.get(i);
                fields.set(column.field().jsonName(), column.fromColumn(text));
            }
        }
        return SessionRecord.of(fields);
    }

    @Override
    public Optional<String> valueExpression(SortKey key) {
        if (key == SortKey.SESSION) {
            return Optional.of(keyExpression());
        }
        Optional<MinskyColumn> column = column(key.field());
        if (column.isEmpty()) {
            return Optional.of(dialect.nullText());
        }
        MinskyColumn.Kind kind = column.get().kind();
        boolean sameText = kind == MinskyColumn.Kind.TIMESTAMP || (kind == MinskyColumn.Kind.TEXT && key.field().type() == FieldType.TEXT);
        return sameText ? Optional.of(column.get().select()) : Optional.empty();
    }

    @Override
    public List<TableWrite> writes() {
        List<String> names = new ArrayList<>(List.of(KEY_COLUMN));
        columns.forEach(column -> names.add(column.name()));
        return List.of(TableWrite.upsert("sessions", names, KEY_COLUMN));
    }

    @Override
    public void rows(SessionRecord record, RowConsumer rows) throws SQLException {
        ObjectNode fields = record.fields();
        Object[] values = new Object[columns.size() + 1];
        values[0] = record.key();
        for (int i = 0; i < columns.size(); i++) {
            MinskyColumn column = columns.get(i);
            JsonNode value = fields.get(column.field().jsonName());
            values[i + 1] = column.toColumn(value);
            if (values[i + 1] == null && column.notNull()) {
                String problem = value == null || value.isNull() ? "has no " + column.field().jsonName() : column.field().jsonName() + " '" + value.asText() + "' is not a date";
                throw new StoreException(storeName + ": session '" + record.key() + "' " + problem + ", which Minsky's column "
                        + column.name() + " requires; fix the record or write it to a native store");
            }
        }
        rows.add(0, values);
    }

    @Override
    public List<String> deleteStatements() {
        return List.of("DELETE FROM sessions WHERE " + Dialect.quote(KEY_COLUMN) + " = ?");
    }

    @Override
    public List<String> clearStatements() {
        return List.of("DELETE FROM sessions");
    }

    @Override
    public Set<String> unsupportedFields(SessionRecord record) {
        Set<String> unsupported = new LinkedHashSet<>();
        boolean keyedBySession = record.field(KEY_COLUMN).isPresent();
        Iterator<Map.Entry<String, JsonNode>> entries = record.fields().fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            String name = entry.getKey();
            if (name.equals(KEY_COLUMN) || (!keyedBySession && SessionRecord.KEY_FIELDS.contains(name) && entry.getValue().asText().equals(record.key()))) {
                continue;
            }
            boolean kept = SessionField.byJsonName(name).flatMap(this::column).map(column -> column.keeps(entry.getValue())).orElse(false);
            if (!kept) {
                unsupported.add(name);
            }
        }
        return unsupported;
    }

    @Override
    public String schemaVersion() {
        return dialect == Dialect.SQLITE ? "minsky (camelCase columns)" : "minsky (snake_case columns)";
    }

    @Override
    public List<String> notes() {
        List<String> missing = EXPECTED.stream().filter(field -> column(field).isEmpty()).map(SessionField::jsonName).toList();
        if (missing.isEmpty()) {
            return List.of();
        }
        String fields = String.join(", ", missing);
        return List.of("the table has no column for " + fields + (missing.size() == 1 ? ", so that field" : ", so those fields") + " cannot be kept here");
    }
}
