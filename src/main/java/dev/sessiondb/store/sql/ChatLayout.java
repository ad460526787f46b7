package dev.sessiondb.store.sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.model.SortKey;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreLayout;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
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

    /** The key inside {@code traits} that holds the fields the chat tables have no column for. */
    static final String EXTRA = "sessiondb:extra";
    private static final Set<String> MESSAGE_FIELDS = Set.of("id", "role", "content", "timestamp");
    /** The messages a search samples to tell a word said nearly everywhere ({@link #saidNearlyEverywhere}). */
    private static final int MESSAGES_SAMPLED = 1_000;
    /** Message ids asked of the server per statement: well below SQLite's and PostgreSQL's limits on parameters. */
    private static final int IDS_PER_LOOKUP = 500;

    private final Dialect dialect;
    private final String storeName;
    private final ChatCreationOrder creationOrder;

    ChatLayout(Dialect dialect, String storeName) {
        this.dialect = dialect;
        this.storeName = storeName;
        this.creationOrder = new ChatCreationOrder(dialect);
    }

    /** True when the database holds the chat server's tables. */
    static boolean recognises(Set<String> tables, Map<String, TableCatalog.Column> sessionColumns) {
        return tables.contains("messages") && sessionColumns.containsKey("tenant_id") && sessionColumns.containsKey("id");
    }

    @Override
    public Dialect dialect() {
        return dialect;
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
        String id = dialect.text(row, 1);
        String traitsText = dialect.text(row, 4);
        JsonNode traits = traitsText == null ? null : parse(id, traitsText);
        ObjectNode extra = JsonNodeFactory.instance.objectNode();
        if (traits instanceof ObjectNode object && object.get(EXTRA) instanceof ObjectNode kept) {
            extra = kept;
            object.remove(EXTRA);
            traits = object.isEmpty() ? null : object;
        }
        return assemble(row, id, traits, extra);
    }

    private SessionRecord assemble(ResultSet row, String id, JsonNode traits, ObjectNode extra) throws SQLException {
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        boolean keyInExtra = SessionRecord.keyOf(extra).filter(id::equals).isPresent();
        if (!keyInExtra) {
            fields.put("id", id);
        }
        String tenant = dialect.text(row, 2);
        if (tenant != null && !tenant.isEmpty()) {
            fields.put("tenantId", tenant);
        }
        putText(fields, "userId", dialect.text(row, 3));
        if (traits != null) {
            fields.set("traits", traits);
        }
        putText(fields, "createdAt", dialect.text(row, 5));
        String messages = dialect.text(row, 6);
        JsonNode array = messages == null ? null : parse(id, messages);
        if (array != null && !array.isEmpty()) {
            fields.set("messages", array);
        }
        fields.setAll(extra);
        return SessionRecord.ofParsed(fields);
    }

    /** The key, the tenant (an empty one is read as none) and the user are columns; any other field is read from the records. */
    @Override
    public Optional<String> valueExpression(SortKey key) {
        return switch (key) {
            case SESSION -> Optional.of(keyExpression());
            case TENANT_ID -> Optional.of("NULLIF(s.tenant_id, '')");
            case USER_ID -> Optional.of("s.user_id");
            default -> Optional.empty();
        };
    }

    /**
     * A creation date sorts in SQL where every row's is one fixed-width UTC shape ({@link ChatCreationOrder}): 2.4 s a page of
     * 100,000 sessions read and sorted in Java before (BENCHMARKS.md, "A chat server's store searched and written"). Its scan is
     * done again only once the store changed.
     */
    @Override
    public Optional<List<String>> orderExpressions(Connection connection, SortKey key) throws SQLException {
        if (key == SortKey.CREATED_AT && creationOrder.sortsAsText(connection)) {
            return Optional.of(List.of(dialect.binary("s.created_at")));
        }
        return orderExpressions(key);
    }

    /** A row's messages are read by a subquery: a page newest first read every session's of a store written oldest first. */
    @Override
    public boolean readsRowsAfterPaging() {
        return true;
    }

    /**
     * The sessions whose key, tenant, user or messages hold the word, and those whose traits may: every field these tables have no
     * column for rides there (a task id, a repository, a branch) as JSON text, which holds the word as it is or, for a word with a
     * character some JSON writers escape, perhaps with a backslash. A word said in 3 of 100,000 sessions' messages then reads
     * those 3, where the search read every session with its messages (BENCHMARKS.md, "A chat server's store searched and
     * written"). None for a word {@linkplain #saidNearlyEverywhere said in nearly every message}: every session would pass,
     * after a scan of the messages.
     */
    @Override
    public Optional<SqlCondition> searchCandidates(Connection connection, String needle) throws SQLException {
        SqlCondition inMessages = FoldedSearch.inAnyOf(dialect, List.of("lower(m.content)"), needle);
        if (saidNearlyEverywhere(connection, inMessages)) {
            return Optional.empty();
        }
        SqlCondition inColumns = FoldedSearch.inAnyOf(dialect, List.of("lower(s.id)", "lower(s.tenant_id)", "lower(s.user_id)"), needle);
        SqlCondition inTraits = FoldedSearch.inAnyOf(dialect, List.of("lower(s.traits)"), needle);
        List<Object> params = new ArrayList<>(inColumns.params());
        params.addAll(inMessages.params());
        params.addAll(inTraits.params());
        String escapedInTraits = KindFieldsSearch.writtenAsItself(needle) ? ""
                : " OR " + (dialect == Dialect.SQLITE ? "instr(s.traits, char(92)) > 0" : "strpos(s.traits, chr(92)) > 0");
        return Optional.of(new SqlCondition("(" + inColumns.sql() + " OR s.id IN (SELECT m.session_id FROM messages m WHERE " + inMessages.sql()
                + ") OR " + inTraits.sql() + escapedInTraits + ")", params));
    }

    /**
     * Whether half or more of the first {@value #MESSAGES_SAMPLED} messages hold the word ("session" in a store where every
     * message names one): a look of about a millisecond that spares such a search the messages' scan for no session left out
     * (PostgreSQL, 100,000 sessions: 1.3 s without the scan, 2.6 s with it).
     */
    private static boolean saidNearlyEverywhere(Connection connection, SqlCondition inMessages) throws SQLException {
        String sampled = "SELECT count(*), sum(CASE WHEN " + inMessages.sql() + " THEN 1 ELSE 0 END) FROM (SELECT m.content FROM messages m LIMIT "
                + MESSAGES_SAMPLED + ") m";
        try (PreparedStatement statement = PageQuery.prepare(connection, sampled, inMessages.params()); ResultSet counts = statement.executeQuery()) {
            counts.next();
            return counts.getLong(1) > 0 && counts.getLong(2) * 2 >= counts.getLong(1);
        }
    }

    @Override
    public List<TableWrite> writes() {
        return List.of(
                TableWrite.upsert("sessions", List.of("id", "tenant_id", "user_id", "traits", "created_at"), "id"),
                TableWrite.deleteWhere("messages", "session_id"),
                TableWrite.upsertOwned("messages", List.of("id", "session_id", "role", "content", "created_at"), "id", "session_id"));
    }

    @Override
    public void rows(SessionRecord record, RowConsumer rows) throws SQLException {
        List<String> refusals = refusals(record, ReferencedKeys.UNCHECKED);
        if (!refusals.isEmpty()) {
            throw new StoreException(storeName + ": session '" + record.key() + "' " + refusals.get(0));
        }
        ObjectNode fields = record.fields();
        String createdAt = fields.get("createdAt").asText();
        ObjectNode extra = extraFields(record);
        JsonNode traits = fields.get("traits");
        if (!extra.isEmpty()) {
            ObjectNode withExtra = traits instanceof ObjectNode object ? object : JsonNodeFactory.instance.objectNode();
            withExtra.set(EXTRA, extra);
            traits = withExtra;
        }
        rows.add(0, new Object[] {record.key(), text(fields, "tenantId", ""), text(fields, "userId", null),
                traits == null ? null : JsonCodec.compact(traits), createdAt});
        rows.add(1, new Object[] {record.key()});
        if (!extra.has("messages")) {
            for (JsonNode message : fields.path("messages")) {
                rows.add(2, new Object[] {message.get("id").asText(), record.key(), message.get("role").asText(),
                        message.get("content").asText(), message.get("timestamp").asText()});
            }
        }
    }

    /** Fields the chat tables have no place for, kept inside {@code traits} so that nothing is lost. */
    private static ObjectNode extraFields(SessionRecord record) {
        ObjectNode extra = JsonNodeFactory.instance.objectNode();
        boolean keyedById = record.field("id").map(JsonNode::asText).filter(record.key()::equals).isPresent();
        Iterator<Map.Entry<String, JsonNode>> entries = record.fields().fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            if (!fitsColumn(entry.getKey(), entry.getValue(), keyedById)) {
                extra.set(entry.getKey(), entry.getValue());
            }
        }
        return extra;
    }

    private static boolean fitsColumn(String name, JsonNode value, boolean keyedById) {
        return switch (name) {
            case "id" -> keyedById;
            case "tenantId" -> value.isTextual() && !value.asText().isEmpty();
            case "userId", "createdAt" -> value.isTextual();
            case "traits" -> value.isObject() && !value.isEmpty() && !value.has(EXTRA);
            case "messages" -> messagesFit(value);
            default -> false;
        };
    }

    /** The sessions table's created_at is NOT NULL text: a plan names the records without it before a write stops on them. */
    @Override
    public List<String> refusals(SessionRecord record, ReferencedKeys referenced) {
        boolean hasCreatedAt = record.readFields(fields -> fields.path("createdAt").isTextual()); // read, not copied: asked of every record a plan passes
        return hasCreatedAt ? List.of() : List.of("has no createdAt text, which the chat server's sessions table requires; add it");
    }

    /** The messages the write makes rows of, keyed by id across sessions ({@link #writes}); none when they ride inside traits. */
    @Override
    public List<String> crossSessionMessageIds(SessionRecord record) {
        return record.readFields(fields -> {
            JsonNode messages = fields.get("messages");
            if (messages == null || !messagesFit(messages)) {
                return List.of();
            }
            List<String> ids = new ArrayList<>(messages.size());
            messages.forEach(message -> ids.add(message.get("id").asText()));
            return ids;
        });
    }

    @Override
    public Map<String, String> sessionsHoldingMessages(Connection connection, List<String> messageIds) throws SQLException {
        Map<String, String> held = new HashMap<>();
        for (int from = 0; from < messageIds.size(); from += IDS_PER_LOOKUP) {
            List<String> ids = messageIds.subList(from, Math.min(from + IDS_PER_LOOKUP, messageIds.size()));
            String sql = "SELECT id, session_id FROM messages WHERE id IN (" + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")";
            try (PreparedStatement statement = PageQuery.prepare(connection, sql, List.<Object>copyOf(ids)); ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    held.put(dialect.text(rows, 1), dialect.text(rows, 2));
                }
            }
        }
        return held;
    }

    @Override
    public List<String> deleteStatements() {
        return List.of("DELETE FROM messages WHERE session_id = ?", "DELETE FROM sessions WHERE id = ?");
    }

    @Override
    public List<String> clearStatements() {
        return List.of("DELETE FROM messages", "DELETE FROM sessions");
    }

    /** Everything is kept: fields without a column ride inside {@code traits}; only a non-object {@code traits} leaves no room. */
    @Override
    public Set<String> unsupportedFields(SessionRecord record) {
        JsonNode traits = record.field("traits").orElse(null);
        ObjectNode extra = extraFields(record);
        if (traits == null || traits.isObject() || extra.isEmpty()) {
            return Set.of();
        }
        Set<String> unsupported = new LinkedHashSet<>();
        extra.fieldNames().forEachRemaining(unsupported::add);
        return unsupported;
    }

    /** Messages fit the messages table when each has exactly the four text fields, in time order. */
    private static boolean messagesFit(JsonNode messages) {
        if (!messages.isArray() || messages.isEmpty()) {
            return false;
        }
        String previous = "";
        for (JsonNode message : messages) {
            if (message.size() != MESSAGE_FIELDS.size() || !MESSAGE_FIELDS.stream().allMatch(field -> message.path(field).isTextual())) {
                return false;
            }
            // read back ordered by time, then id; the separator sorts below every character of either
            String position = message.get("timestamp").asText() + "\0" + message.get("id").asText();
            if (position.compareTo(previous) < 0) {
                return false;
            }
            previous = position;
        }
        return true;
    }

    @Override
    public String schemaVersion() {
        return "chat (sessions + messages)";
    }

    @Override
    public List<String> notes() {
        return List.of("fields the chat tables have no column for are kept inside traits under \"" + EXTRA + "\"");
    }

    private static String text(ObjectNode fields, String name, String absent) {
        JsonNode value = fields.get(name);
        return value != null && value.isTextual() ? value.asText() : absent;
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
            throw new StoreException(storeName + ": session '" + key + "' holds JSON that does not parse (" + JsonCodec.problem(e)
                    + "); repair the row or delete the session");
        }
    }
}
