package dev.sessiondb.store.sql;

import dev.sessiondb.model.JsonLimits;
import dev.sessiondb.model.RecordDamage;
import dev.sessiondb.model.SecretMasker;
import dev.sessiondb.model.SessionRecord;
import io.ebean.Transaction;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The rows of a native store whose record text no longer reads as a record, by key, each with why (no text of it quoted:
 * it may hold a secret), which a view of the store leaves out ({@link SqlSessionStore#skippingUnreadable}).
 */
final class DamagedRecords {

    static final DamagedRecords NONE = new DamagedRecords(Map.of());

    private final Map<String, NativeLayout.Unreadable> problems;

    private DamagedRecords(Map<String, NativeLayout.Unreadable> problems) {
        this.problems = problems;
    }

    /** One scan of the table in {@code transaction}, which it ends. */
    static DamagedRecords find(String storeName, Dialect dialect, Transaction transaction) {
        record Row(String key, Optional<NativeLayout.Unreadable> problem) {
        }
        Map<String, NativeLayout.Unreadable> damaged = new TreeMap<>();
        // SQLite tells text that is no JSON in C, so only those rows reach the parse (the scan then costs a validation 3% at
        // 300k, where parsing every row cost 15%); a row it passes that is no record (an array) still stops its read, named
        String suspects = dialect == Dialect.SQLITE ? " WHERE NOT json_valid(record)" : "";
        SqlRows<Row> rows = new SqlRows<>(storeName, transaction, "SELECT session_key, record FROM " + NativeLayout.TABLE + suspects,
                row -> new Row(dialect.text(row, 1), NativeLayout.problem(dialect.text(row, 1), dialect.text(row, 2))));
        try (rows) {
            for (Row row = rows.next(); row != null; row = rows.next()) {
                if (row.problem().isPresent()) {
                    damaged.put(row.key(), row.problem().get());
                }
            }
        }
        return new DamagedRecords(damaged);
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    Set<String> keys() {
        return problems.keySet();
    }

    /** Each, as "session 'KEY': why", the name masked where it holds a secret. */
    List<String> unreadableParts() {
        return problems.entrySet().stream().map(damaged -> "session '" + SecretMasker.maskText(null, damaged.getKey()) + "': " + damaged.getValue().problem())
                .toList();
    }

    /** Each as its stand-in, naming the session and the row to delete. */
    List<SessionRecord> standIns() {
        return problems.entrySet().stream().map(damaged -> SessionRecord.unreadable(damaged.getKey(), damaged.getValue().damage()))
                .toList();
    }

    private static final String UNTIL_THEN = "; until then a job reading the store refuses it, and sessiondb migrate --skip-unreadable copies the other sessions out";

    /** One damaged record: the session, masked where its name holds a secret, what is wrong, and the row to delete. */
    static RecordDamage damage(String key, String problem) {
        String shown = SecretMasker.maskText(null, key);
        // the statement names the key as it is, unless that would show a secret
        String todo = NativeLayout.deleteAdvice(shown.equals(key) ? NativeLayout.literal(key) : "...");
        return new RecordDamage("session '" + shown + "' holds a damaged record (" + problem + ")", todo + UNTIL_THEN);
    }

    /**
     * A record whose JSON is valid but holds a value past a {@linkplain JsonLimits limit}: what and where, and that the value
     * is to be made smaller; never called damaged, nor its row advised deleted.
     */
    static RecordDamage beyondLimit(String key, JsonLimits.BeyondLimitException beyond) {
        return new RecordDamage("session '" + SecretMasker.maskText(null, key) + "' cannot be read: its " + beyond.getMessage(), JsonLimits.BeyondLimitException.advice()
                + UNTIL_THEN, RecordDamage.PAST_A_LIMIT);
    }
}
