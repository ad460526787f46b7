package dev.sessiondb.store.sql;

import dev.sessiondb.model.CaseFolding;
import dev.sessiondb.model.FieldPath;
import dev.sessiondb.model.KindsHeld;
import dev.sessiondb.model.SessionKind;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The native layout's search of the fields only some kinds' sessions are searched by ({@link SessionKind#searchedFields}: a chat
 * server's tenant and user, magellai's name and model) and of their messages' content ({@link SessionKind#searchedMessages}), read
 * from the record's JSON text: no column or index holds them. Only a row without a repository can be of such a kind (a session
 * naming one is Minsky's), so a search asks the repository's index first ({@link #holdsRows}) and a store of Minsky's sessions,
 * each naming its repository, pays one probe of it.
 */
final class KindFieldsSearch {

    private static final String WITHOUT_REPOSITORY = "s.repo_name IS NULL";
    /**
     * PostgreSQL's record as jsonb, made once per row: an operator on json text parses it again each time (2.6 s for a rare word
     * in 100,000 chat sessions, against 0.3 s), and OFFSET 0 keeps the planner from copying the cast into each use. PostgreSQL
     * stores hold no NUL, which jsonb refuses ({@link PgNulCharacters}).
     */
    private static final String PG_RECORD = "(SELECT s.record::jsonb AS r OFFSET 0) j";

    private KindFieldsSearch() {
    }

    /**
     * Each kind's searched field as the text {@link FieldPath#storedText} gives, then its messages' content joined by line breaks, null
     * in a row of another kind or naming a repository: what {@link MaskedSearchRows} looks at besides the columns for a secret.
     */
    static List<String> texts(Dialect dialect) {
        List<String> texts = new ArrayList<>(fieldTexts(dialect));
        for (SessionKind kind : SessionKind.values()) {
            kind.searchedMessages().ifPresent(messages -> texts.add(ofKind(dialect, kind, "(SELECT " + joined(dialect, messageText(dialect))
                    + " FROM " + elements(dialect, messages) + ")")));
        }
        return dialect == Dialect.SQLITE ? texts : texts.stream().map(text -> "(SELECT " + text + " FROM " + PG_RECORD + ")").toList();
    }

    /** As {@link #texts}, over the record as {@link #record} names it. */
    private static List<String> fieldTexts(Dialect dialect) {
        List<String> texts = new ArrayList<>();
        for (SessionKind kind : SessionKind.values()) {
            for (FieldPath field : kind.searchedFields()) {
                texts.add(ofKind(dialect, kind, scalarText(dialect, record(dialect), field.path())));
            }
        }
        return texts;
    }

    /** The text in a row of the kind naming no repository, null in any other. */
    private static String ofKind(Dialect dialect, SessionKind kind, String text) {
        return "CASE WHEN " + WITHOUT_REPOSITORY + " AND " + isOf(dialect, kind) + " THEN " + text + " END";
    }

    /** The row's record as the field expressions read it: SQLite's JSON functions take its text (their cache parses it once per row). */
    private static String record(Dialect dialect) {
        return dialect == Dialect.SQLITE ? "s.record" : "j.r";
    }

    /**
     * A row of a kind with fields of its own holding the needle in one of them or in one of its messages, lowered as {@code lowered}
     * does; first, when the needle is {@link #writtenAsItself}, a row whose record's text holds it.
     */
    static Layout.SqlCondition inKindsFields(Dialect dialect, String needle, UnaryOperator<String> lowered) {
        Layout.SqlCondition inFields = FoldedSearch.inAnyOf(dialect, fieldTexts(dialect).stream().map(lowered).toList(), needle);
        List<String> inFieldsOrMessages = new ArrayList<>(List.of(inFields.sql()));
        List<Object> inFieldsOrMessagesParams = new ArrayList<>(inFields.params());
        for (SessionKind kind : SessionKind.values()) {
            Optional<FieldPath> messages = kind.searchedMessages();
            if (messages.isPresent()) {
                Layout.SqlCondition inMessage = FoldedSearch.inAnyOf(dialect, List.of(lowered.apply(messageText(dialect))), needle);
                inFieldsOrMessages.add("(" + isOf(dialect, kind) + " AND EXISTS (SELECT 1 FROM " + elements(dialect, messages.get()) + " AND " + inMessage.sql() + "))");
                inFieldsOrMessagesParams.addAll(inMessage.params());
            }
        }
        String inAny = "(" + String.join(" OR ", inFieldsOrMessages) + ")";
        String found = dialect == Dialect.SQLITE ? inAny : "EXISTS (SELECT 1 FROM " + PG_RECORD + " WHERE " + inAny + ")";
        List<Object> params = new ArrayList<>();
        String inRecordText = "";
        if (writtenAsItself(needle)) {
            // an ASCII word needs ASCII letters lowered alone (no other folds to one), which PostgreSQL's C collation does in half the time
            String loweredText = dialect == Dialect.SQLITE ? "lower(s.record)" : "lower(s.record COLLATE \"C\")";
            Layout.SqlCondition inText = FoldedSearch.inAnyOf(dialect, List.of(loweredText), needle);
            inRecordText = inText.sql() + " AND ";
            params.addAll(inText.params());
        }
        params.addAll(inFieldsOrMessagesParams);
        return new Layout.SqlCondition("(" + WITHOUT_REPOSITORY + " AND " + inRecordText + found + ")", params);
    }

    /**
     * Whether the needle, case folded, is a text JSON writers put in a record's text as it is, whichever of them wrote it: printable
     * ASCII without the quote, backslash and slash JSON may escape, nor the {@code < > & '} Go's encoder does. The record's text
     * then holds every field and message that holds it, and a look for it there (0.1 s in 100,000 chat sessions) spares the reading
     * of each field and message of the many records without it (1 s).
     */
    static boolean writtenAsItself(String needle) {
        return CaseFolding.fold(needle).chars().allMatch(c -> c >= ' ' && c <= '~' && "\"\\/<>&'".indexOf(c) < 0);
    }

    /**
     * Each object of the record's list at the path, as {@code m}, then {@code WHERE} (a condition may follow with {@code AND}):
     * none when no list is there, as {@link FieldPath#storedTextsIn} reads it (SQLite's {@code json_each} would walk an object's
     * members too).
     */
    private static String elements(Dialect dialect, FieldPath list) {
        String json = record(dialect);
        if (dialect == Dialect.SQLITE) {
            String at = "'$." + list.path() + "'";
            return "json_each(" + json + ", " + at + ") m WHERE json_type(" + json + ", " + at + ") = 'array' AND m.type = 'object'";
        }
        String value = json + " #> '{" + list.path().replace('.', ',') + "}'";
        return "jsonb_array_elements(CASE WHEN jsonb_typeof(" + value + ") = 'array' THEN " + value + " END) m(v) WHERE jsonb_typeof(m.v) = 'object'";
    }

    /** The text of a message ({@link #elements}' {@code m}) search looks at, as {@link #scalarText} reads it. */
    private static String messageText(Dialect dialect) {
        return scalarText(dialect, dialect == Dialect.SQLITE ? "m.value" : "m.v", SessionKind.MESSAGE_TEXT);
    }

    /** The texts of the rows, joined by line breaks: a secret in one is still one in them. */
    private static String joined(Dialect dialect, String text) {
        return dialect == Dialect.SQLITE ? "group_concat(" + text + ", char(10))" : "string_agg(" + text + ", chr(10))";
    }

    /**
     * Whether any of the rows lacks a repository, so may be of such a kind: one probe of the repository's index. A store of
     * Minsky's sessions, each naming its repository, then searches as it did before these fields were searched, with the same
     * plans (PostgreSQL reads a broad word's count in parallel only without the correlated subquery of {@link #inKindsFields}).
     */
    static boolean holdsRows(Connection connection, String rows) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet found = statement.executeQuery("SELECT 1 FROM " + rows + " s WHERE " + WITHOUT_REPOSITORY + " LIMIT 1")) {
            return found.next();
        }
    }

    /**
     * The count, up to a limit ({@code LIMIT ?} last), of a search index's matches and of the rows without a repository, which the
     * index cannot answer for: a store of many such rows (a chat server's sessions) then scans in the page's order, which stops at
     * the page's last match, instead of reading every such row before sorting them; a store of Minsky's counts its index alone.
     */
    static Layout.SqlCondition countUpTo(String indexMatches, List<Object> params) {
        return new Layout.SqlCondition("SELECT count(*) FROM (" + indexMatches + " UNION ALL SELECT 1 FROM " + NativeLayout.TABLE + " s WHERE "
                + WITHOUT_REPOSITORY + " LIMIT ?)", params);
    }

    /**
     * How many of the native layout's sessions are of each kind, told as {@link SessionKind#of} tells them, in one scan inside the
     * database; a text that is no JSON (a damaged record) fails it.
     */
    static KindsHeld kindsHeld(Connection connection, Dialect dialect) throws SQLException {
        String minsky = has(dialect, "session") + " OR " + has(dialect, "sessionId") + " OR " + has(dialect, "repoName");
        String kind = "CASE WHEN " + has(dialect, "conversation") + " THEN '" + SessionKind.MAGELLAI + "' WHEN " + minsky + " THEN '"
                + SessionKind.MINSKY + "' WHEN " + has(dialect, "tenantId") + " THEN '" + SessionKind.CHAT + "' ELSE '" + SessionKind.OTHER + "' END";
        String rows = dialect == Dialect.SQLITE ? NativeLayout.TABLE + " s" : NativeLayout.TABLE + " s, LATERAL " + PG_RECORD;
        Map<SessionKind, Long> counts = new EnumMap<>(SessionKind.class);
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT " + kind + " AS kind, count(*) FROM " + rows + " GROUP BY kind")) {
            while (row.next()) {
                counts.put(SessionKind.valueOf(row.getString(1)), row.getLong(2));
            }
        }
        return new KindsHeld(counts);
    }

    /** Whether the row's record is of the kind, by the fields {@link SessionKind#of} asks about. */
    private static String isOf(Dialect dialect, SessionKind kind) {
        return switch (kind) {
            case MAGELLAI -> has(dialect, "conversation");
            case CHAT -> "NOT " + has(dialect, "conversation") + " AND NOT " + has(dialect, "session") + " AND NOT " + has(dialect, "sessionId")
                    + " AND NOT " + has(dialect, "repoName") + " AND " + has(dialect, "tenantId");
            case MINSKY, OTHER -> throw new IllegalArgumentException(kind + " sessions are searched by columns only");
        };
    }

    /** Whether the record has the top-level field, JSON null included, as {@link dev.sessiondb.model.SessionRecord#has} tells. */
    private static String has(Dialect dialect, String field) {
        String json = record(dialect);
        return dialect == Dialect.SQLITE ? "json_type(" + json + ", '$." + field + "') IS NOT NULL" : "(" + json + " -> '" + field + "') IS NOT NULL";
    }

    /** A scalar's text at the dotted path in the JSON, a number or boolean as its JSON text; null for none, null, an object or a list. */
    private static String scalarText(Dialect dialect, String json, String path) {
        if (dialect == Dialect.SQLITE) {
            String at = "'$." + path + "'";
            return "CASE json_type(" + json + ", " + at + ") WHEN 'text' THEN " + json + " ->> " + at
                    + " WHEN 'integer' THEN " + json + " -> " + at + " WHEN 'real' THEN " + json + " -> " + at
                    + " WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' END";
        }
        String value = "(" + json + " #> '{" + path.replace('.', ',') + "}')";
        return "CASE WHEN jsonb_typeof(" + value + ") IN ('string', 'number', 'boolean') THEN " + value + " #>> '{}' END";
    }
}
