package dev.sessiondb.store.sql;

import dev.sessiondb.model.LoneSurrogates;
import dev.sessiondb.model.SessionRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Why a SQL store cannot take a record, one line each: what its layout refuses (a Minsky column's type, a missing
 * reference), a key a SQL text column cannot hold, and on PostgreSQL a value too long for its index. Asked of every
 * record a plan or a write passes, so the common answer, none, copies nothing.
 */
final class SqlRefusals {

    private SqlRefusals() {
    }

    static List<String> of(SessionRecord record, Layout layout, Dialect dialect, ReferencedKeys referencedKeys) {
        List<String> byLayout = layout.refusals(record, referencedKeys::contain);
        Optional<String> byKey = LoneSurrogates.keyRefusal(record.key(), "a SQL text column");
        List<String> byIndex = dialect == Dialect.POSTGRESQL ? PgIndexLimits.refusals(record) : List.of();
        if (byKey.isEmpty() && byIndex.isEmpty()) {
            return byLayout;
        }
        List<String> refusals = new ArrayList<>();
        byKey.ifPresent(refusals::add);
        refusals.addAll(byLayout);
        refusals.addAll(byIndex);
        return refusals;
    }
}
