package dev.sessiondb.ui.sessions;

import dev.sessiondb.model.FieldPath;
import dev.sessiondb.model.SecretMasker;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.model.SortKey;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A column the user added for any field of the records, by its dotted path ({@link FieldPath}). Shown as text, secrets
 * masked; objects and lists as compact JSON. The store sorts and filters only by the fields a chat server's and magellai's
 * sessions are listed by ({@link #queried}); a column of another field does not sort.
 */
public record FieldColumn(String path) implements ShownColumn {

    /** The field's name where the store sorts and filters by it ("Tenant" for tenantId), else its {@link #shownPath}. */
    @Override
    public String header() {
        return queried().map(QueryColumn::header).orElseGet(this::shownPath);
    }

    /** The path as shown: a token kept as a name ({@code cache.ghp_...}) is masked. */
    public String shownPath() {
        return SecretMasker.maskText(null, path);
    }

    public String text(SessionRecord record) {
        return new FieldPath(path).text(record);
    }

    @Override
    public String cellText(SessionRow row) {
        return row.text(this);
    }

    /** How the store sorts and filters by this field, if it does: a field no standard column shows that a {@link SortKey} is. */
    public Optional<QueryColumn> queried() {
        return Stream.of(SortKey.values()).filter(key -> key.minskyField().isEmpty() && key.fieldName().equals(path))
                .findFirst().map(QueryColumn::of);
    }
}
