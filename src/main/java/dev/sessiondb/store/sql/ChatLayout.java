package dev.sessiondb.store.sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.model.SortKey;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreLayout;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The chat server's two tables: {@code sessions(id, tenant_id, user_id, traits, created_at)} and
 * {@code messages(id, session_id, role, content, created_at)}. A record is
 * {@code {"id", "tenantId", "userId"?, "traits"?, "createdAt", "messages": [{"id", "role", "content", "timestamp"}]}};
 * the messages of a row come from one correlated subquery, so reading streams like any other layout.
 */
final class ChatLayout implements Layout {

    static final List<String> DDL = List.of(
            "CREATE TABLE sessions (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL, user_id TEXT, traits TEXT, created_at TEXT NOT NULL)",
            "CREATE TABLE messages (id TEXT PRIMARY KEY, session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
                    + " role TEXT NOT NULL, content TEXT NOT NULL, created_at TEXT NOT NULL)",
            "CREATE INDEX messages_session_id_idx ON messages (session_id)");

    private static final Set<String> SESSION_FIELDS = Set.of("id", "tenantId", "userId", "traits", "createdAt", "messages");
    private static final Set<String> MESSAGE_FIELDS = Set.of("id", "role", "content", "timestamp");

    private final Dialect dialect;
    private final String storeName;

    ChatLayout(Dialect dialect, String storeName) {
        this.dialect = dialect;
        this.storeName = storeName;
    }

    /** True when the database holds the chat server's tables. */
    static boolean recognises(Set<String> tables, Map<String, Dialect.ColumnInfo> sessionColumns) {
        return tables.contains("messages") && sessionColumns.containsKey("tenant_id") && sessionColumns.containsKey("id");
    }

    @Override
    public StoreLayout id() {
        return StoreLayout.CHAT;
    }

    @Override
    public String table() {
        return "sessions";
    }

    @Override
    public String keyExpression() {
        return "s.id";
    }

    @Override
    public String selectList() {
        String messages = dialect == Dialect.POSTGRESQL
                ? "(SELECT json_agg(json_build_object('id', m.id, 'role', m.role, 'content', m.content, 'timestamp', m.created_at)"
                        + " ORDER BY m.created_at COLLATE \"C\", m.id COLLATE \"C\") FROM messages m WHERE m.session_id = s.id)"
                : "(SELECT json_group_array(json_object('id', m.id, 'role', m.role, 'content', m.content, 'timestamp', m.created_at)"
                        + " ORDER BY m.created_at, m.id) FROM messages m WHERE m.session_id = s.id)";
        return "s.id, s.tenant_id, s.user_id, s.traits, s.created_at, " + messages;
    }

    @Override
    public SessionRecord read(ResultSet row) throws SQLException {
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        fields.put("id", row.getString(1));
        String tenant = row.getString(2);
        if (tenant != null && !tenant.isEmpty()) {
            fields.put("tenantId", tenant);
        }
        putText(fields, "userId", row.getString(3));
        String traits = row.getString(4);
        if (traits != null) {
            fields.set("traits", parse(row.getString(1), traits));
        }
        putText(fields, "createdAt", row.getString(5));
        String messages = row.getString(6);
        JsonNode array = messages == null ? null : parse(row.getString(1), messages);
        if (array != null && !array.isEmpty()) {
            fields.set("messages", array);
        }
        return SessionRecord.of(fields);
    }

    @Override
    public Optional<String> valueExpression(SortKey key) {
        return switch (key) {
            case SESSION -> Optional.of(keyExpression());
            case CREATED_AT, LAST_ACTIVITY_AT -> Optional.empty();
            default -> Optional.of(dialect.nullText());
        };
    }

    @Override
    public List<TableWrite> writes() {
        return List.of(
                TableWrite.upsert("sessions", List.of("id", "tenant_id", "user_id", "traits", "created_at"), "id"),
                TableWrite.deleteWhere("messages", "session_id"),
                TableWrite.upsert("messages", List.of("id", "session_id", "role", "content", "created_at"), "id"));
    }

    @Override
    public void rows(SessionRecord record, RowConsumer rows) throws SQLException {
        ObjectNode fields = record.fields();
        String createdAt = fields.path("createdAt").asText(null);
        if (createdAt == null) {
            throw new StoreException(storeName + ": session '" + record.key() + "' has no createdAt, which the chat server's sessions table requires; add it");
        }
        JsonNode traits = fields.get("traits");
        rows.add(0, new Object[] {record.key(), fields.path("tenantId").asText(""), fields.path("userId").asText(null),
                traits == null || traits.isNull() ? null : JsonCodec.compact(traits), createdAt});
        rows.add(1, new Object[] {record.key()});
        int index = 0;
        for (JsonNode message : fields.path("messages")) {
            String id = message.path("id").asText(record.key() + "#" + index);
            rows.add(2, new Object[] {id, record.key(), message.path("role").asText("user"), message.path("content").asText(""),
                    message.path("timestamp").asText(createdAt)});
            index++;
        }
    }

    @Override
    public List<String> deleteStatements() {
        return List.of("DELETE FROM messages WHERE session_id = ?", "DELETE FROM sessions WHERE id = ?");
    }

    @Override
    public List<String> clearStatements() {
        return List.of("DELETE FROM messages", "DELETE FROM sessions");
    }

    @Override
    public Set<String> unsupportedFields(SessionRecord record) {
        Set<String> unsupported = new LinkedHashSet<>();
        Iterator<Map.Entry<String, JsonNode>> entries = record.fields().fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            String name = entry.getKey();
            JsonNode value = entry.getValue();
            boolean kept = SESSION_FIELDS.contains(name) && !value.isNull()
                    && (name.equals("traits") || value.isTextual() || (name.equals("messages") && messagesKept(value)));
            if (!kept) {
                unsupported.add(name);
            }
        }
        return unsupported;
    }

    /** Messages survive when each has exactly the four text fields and the array is not empty. */
    private static boolean messagesKept(JsonNode messages) {
        if (!messages.isArray() || messages.isEmpty()) {
            return false;
        }
        for (JsonNode message : messages) {
            if (message.size() != MESSAGE_FIELDS.size()) {
                return false;
            }
            for (String field : MESSAGE_FIELDS) {
                if (!message.path(field).isTextual()) {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public String schemaVersion() {
        return "chat (sessions + messages)";
    }

    private static void putText(ObjectNode fields, String name, String value) {
        if (value != null) {
            fields.set(name, JsonNodeFactory.instance.textNode(value));
        }
    }

    private JsonNode parse(String key, String json) {
        try {
            return JsonCodec.parse(json);
        } catch (JsonProcessingException e) {
            throw new StoreException(storeName + ": session '" + key + "' holds JSON that does not parse (" + e.getOriginalMessage()
                    + "); repair the row or delete the session");
        }
    }
}
