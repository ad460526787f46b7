package dev.sessiondb.store.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.model.FieldType;
import dev.sessiondb.model.LoneSurrogates;
import dev.sessiondb.model.SessionField;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.model.SortKey;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreLayout;
import dev.sessiondb.store.ValueChange;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
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

    /** The optional columns Minsky's SQLite table had before 2026; a missing one is worth a note. */
    private static final List<SessionField> EXPECTED = MinskyTable.COLUMNS.stream()
            .filter(column -> column.sqlite() && column.since() != MinskyTable.Since.MINSKY_2026 && column.constraint() == MinskyTable.Constraint.NONE)
            .map(MinskyTable.Column::field).toList();

    private final Dialect dialect;
    private final String storeName;
    private final TableCatalog catalog;
    private final MinskyEra era;
    /** Whether a constraint keys the table by session ({@link TableWrite#keyEnforced()}). */
    private final boolean keyEnforced;
    private final List<MinskyColumn> columns = new ArrayList<>();

    MinskyLayout(Dialect dialect, String storeName, TableCatalog catalog, MinskyEra era, boolean keyEnforced) {
        this.dialect = dialect;
        this.keyEnforced = keyEnforced;
        this.storeName = storeName;
        this.catalog = catalog;
        this.era = era;
        for (TableCatalog.Column column : catalog.columns().values()) {
            fieldOf(column.name()).ifPresent(field -> columns.add(MinskyColumn.of(field, column, dialect)));
        }
    }

    /** True when a table with these columns is Minsky's. */
    static boolean recognises(Map<String, TableCatalog.Column> tableColumns) {
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
    public Dialect dialect() {
        return dialect;
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
        fields.put(KEY_COLUMN, dialect.text(row, 1));
        for (int i = 0; i < columns.size(); i++) {
            String text = dialect.text(row, i + 2);
            if (text != null) {
                MinskyColumn column = columns.get(i);
                fields.set(column.field().jsonName(), column.fromColumn(text));
            }
        }
        return SessionRecord.ofParsed(fields);
    }

    @Override
    public Optional<String> valueExpression(SortKey key) {
        if (key == SortKey.SESSION) {
            return Optional.of(keyExpression());
        }
        if (key.minskyField().isEmpty()) {
            // another kind's field: Minsky's tables have no column for it, and a record may still keep it among its others
            return Optional.empty();
        }
        Optional<MinskyColumn> column = column(key.minskyField().get());
        if (column.isEmpty()) {
            return Optional.of(dialect.nullText());
        }
        MinskyColumn.Kind kind = column.get().kind();
        boolean sameText = kind == MinskyColumn.Kind.TIMESTAMP || (kind == MinskyColumn.Kind.TEXT && key.minskyField().orElseThrow().type() == FieldType.TEXT);
        return sameText ? Optional.of(column.get().select()) : Optional.empty();
    }

    @Override
    public List<TableWrite> writes() {
        List<String> names = new ArrayList<>(List.of(KEY_COLUMN));
        columns.forEach(column -> names.add(column.name()));
        return List.of(keyEnforced ? TableWrite.upsert("sessions", names, KEY_COLUMN) : TableWrite.upsertUnkeyed("sessions", names, KEY_COLUMN));
    }

    @Override
    public void rows(SessionRecord record, RowConsumer rows) throws SQLException {
        ObjectNode fields = record.fields();
        Object[] values = new Object[columns.size() + 1];
        values[0] = record.key();
        List<String> refusals = refusals(record, ReferencedKeys.UNCHECKED);
        if (!refusals.isEmpty()) {
            throw new StoreException(storeName + ": session '" + record.key() + "' " + refusals.get(0)
                    + "; fix the record or write it to a native store");
        }
        for (int i = 0; i < columns.size(); i++) {
            MinskyColumn column = columns.get(i);
            values[i + 1] = column.toColumn(fields.get(column.field().jsonName()));
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
        valueChanges(record).forEach((field, change) -> {
            if (change.lossy()) {
                unsupported.add(field);
            }
        });
        return unsupported;
    }

    /** A field without a column is not kept; one with a column as its column keeps the value (see {@link MinskyColumn#change}). */
    @Override
    public Map<String, ValueChange> valueChanges(SessionRecord record) {
        Map<String, ValueChange> changes = new LinkedHashMap<>();
        ObjectNode fields = record.fields();
        Iterator<Map.Entry<String, JsonNode>> entries = fields.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            String name = entry.getKey();
            if (name.equals(KEY_COLUMN) || heldInKeyColumn(fields, name, record.key())) {
                continue;
            }
            Optional<MinskyColumn> column = SessionField.byJsonName(name).flatMap(this::column);
            (column.isEmpty() ? Optional.of(ValueChange.NOT_KEPT) : column.get().change(entry.getValue()))
                    .ifPresent(change -> changes.put(name, change));
        }
        return changes;
    }

    /**
     * What the table's own limits refuse: a value longer than its column (Minsky's PostgreSQL
     * {@code repo_name varchar(255)}, {@code backend_type varchar(50)}), a missing value a NOT NULL
     * column needs, a reference to a row that is not there ({@code project_id} to {@code projects}).
     */
    @Override
    public List<String> refusals(SessionRecord record, ReferencedKeys referenced) {
        List<String> refusals = new ArrayList<>();
        keyTooLong(record).ifPresent(refusals::add);
        for (MinskyColumn column : columns) {
            String field = column.field().jsonName();
            JsonNode value = record.readFields(fields -> fields.get(field)); // read, not copied: asked of every record a plan passes
            Object stored = column.toColumn(value);
            if (stored == null && column.notNull()) {
                refusals.add(value == null || value.isNull() ? "has no " + field + ", which Minsky's column " + column.name() + " requires"
                        : field + " '" + value.asText() + "' is not a date, which Minsky's column " + column.name() + " requires");
            } else if (stored instanceof String text && LoneSurrogates.first(text) >= 0) {
                refusals.add(field + " holds an unpaired UTF-16 surrogate (" + LoneSurrogates.firstEscaped(text).orElseThrow()
                        + "), which Minsky's column " + column.name() + " cannot keep");
            } else if (stored instanceof String text && column.limits().maxLength() != null
                    && text.codePointCount(0, text.length()) > column.limits().maxLength()) {
                refusals.add(field + " is " + text.codePointCount(0, text.length()) + " characters long; Minsky's column "
                        + column.name() + " holds " + column.limits().maxLength());
            } else if (stored != null && column.holds(value)) {
                catalog.foreignKey(column.name()).filter(key -> !referenced.contains(key, stored.toString()))
                        .ifPresent(key -> refusals.add(field + " '" + stored + "' is not in " + key.referencedTable()
                                + " (foreign key " + column.name() + " -> " + key.referencedTable() + "." + key.referencedColumn() + ")"));
            }
        }
        return refusals;
    }

    private Optional<String> keyTooLong(SessionRecord record) {
        Integer limit = Optional.ofNullable(catalog.columns().get(KEY_COLUMN)).map(TableCatalog.Column::maxLength).orElse(null);
        String key = record.key();
        return limit != null && key.codePointCount(0, key.length()) > limit
                ? Optional.of("session key is " + key.codePointCount(0, key.length()) + " characters long; Minsky's column session holds " + limit)
                : Optional.empty();
    }

    /**
     * A value its column does not keep as it is comes back in the column's form (a date as Minsky's
     * millisecond text), or not at all when stored as NULL ({@code prApproved: false}, a JSON null).
     */
    @Override
    public ObjectNode asStored(SessionRecord record) {
        ObjectNode fields = record.fields();
        ObjectNode kept = fields.deepCopy();
        kept.remove(unsupportedFields(record));
        if (!fields.has(KEY_COLUMN)) {
            SessionRecord.KEY_FIELDS.stream().filter(name -> heldInKeyColumn(fields, name, record.key())).forEach(kept::remove);
            kept.put(KEY_COLUMN, record.key());
        }
        for (MinskyColumn column : columns) {
            String field = column.field().jsonName();
            JsonNode value = fields.get(field);
            if (value != null && (column.storesAsNull(value) || !column.keeps(value))) {
                column.readBack(value).ifPresentOrElse(back -> kept.set(field, back), () -> kept.remove(field));
            }
        }
        return kept;
    }

    /** A record keyed by sessionId or id (Minsky's 2026 name), not session: that field is the key, which the table's session column holds. */
    private static boolean heldInKeyColumn(ObjectNode fields, String name, String key) {
        return !fields.has(KEY_COLUMN) && SessionRecord.KEY_FIELDS.contains(name) && fields.has(name) && fields.get(name).asText().equals(key);
    }

    @Override
    public boolean readsBackAs(String field, JsonNode value, JsonNode held) {
        Optional<MinskyColumn> holding = SessionField.byJsonName(field).flatMap(this::column).filter(column -> value != null && column.holds(value));
        return holding.isPresent() && holding.get().readBack(value).equals(Optional.ofNullable(held));
    }

    @Override
    public String schemaVersion() {
        return dialect == Dialect.SQLITE ? "minsky (camelCase columns)" : "minsky (snake_case columns)";
    }

    @Override
    public Optional<String> era() {
        return Optional.of(era.describe());
    }

    @Override
    public List<String> notes() {
        List<String> notes = new ArrayList<>(era.notes());
        List<String> missing = EXPECTED.stream().filter(field -> column(field).isEmpty()).map(SessionField::jsonName).toList();
        if (!missing.isEmpty()) {
            String fields = String.join(", ", missing);
            notes.add("the table has no column for " + fields + (missing.size() == 1 ? ", so that field" : ", so those fields") + " cannot be kept here");
        }
        return notes;
    }
}
