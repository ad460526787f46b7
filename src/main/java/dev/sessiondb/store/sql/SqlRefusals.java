package dev.sessiondb.store.sql;

import dev.sessiondb.model.LoneSurrogates;
import dev.sessiondb.model.SessionRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Why a SQL store cannot take a record, one line each: what its layout refuses (a Minsky column's type, a missing
 * reference), a key a SQL text column cannot hold, and on PostgreSQL a value too long for its index or holding a NUL. Asked of every
 * record a plan or a write passes, so the common answer, none, copies nothing.
 */
final class SqlRefusals {

    private SqlRefusals() {
    }

    static List<String> of(SessionRecord record, Layout layout, Dialect dialect, ReferencedKeys referencedKeys) {
        List<String> byLayout = layout.refusals(record, referencedKeys::contain);
        Optional<String> byKey = LoneSurrogates.keyRefusal(record.key(), "a SQL text column");
        List<String> byPostgres = dialect == Dialect.POSTGRESQL ? ofPostgres(record) : List.of();
        if (byKey.isEmpty() && byPostgres.isEmpty()) {
            return byLayout;
        }
        List<String> refusals = new ArrayList<>();
        byKey.ifPresent(refusals::add);
        refusals.addAll(byLayout);
        refusals.addAll(byPostgres);
        return refusals;
    }

    /** What PostgreSQL refuses of a record whatever its layout: a value too long for its index, a NUL character. */
    static List<String> ofPostgres(SessionRecord record) {
        List<String> byIndex = PgIndexLimits.refusals(record);
        List<String> byNul = PgNulCharacters.refusals(record);
        if (byNul.isEmpty()) {
            return byIndex;
        }
        List<String> refusals = new ArrayList<>(byIndex);
        refusals.addAll(byNul);
        return refusals;
    }
}
