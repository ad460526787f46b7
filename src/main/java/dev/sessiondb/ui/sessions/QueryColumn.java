package dev.sessiondb.ui.sessions;

import dev.sessiondb.model.FieldFilter;
import dev.sessiondb.model.SecretMasker;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.model.SortKey;
import dev.sessiondb.model.ValueCount;

/**
 * A column the store sorts and filters by, through its {@link SortKey}: a standard column, or an added column of a field a
 * chat server's or magellai's sessions are listed by ({@link FieldColumn#queried}). Its pick list and filter chip show a
 * value as its cells do, secrets masked.
 */
public sealed interface QueryColumn permits SessionColumn, QueryColumn.ListedField {

    /** The column's id in node ids. */
    String id();

    String header();

    SortKey sortKey();

    /** The column of a sort key: its standard column, or else the column of the field. */
    static QueryColumn of(SortKey key) {
        for (SessionColumn column : SessionColumn.values()) {
            if (column.sortKey() == key) {
                return column;
            }
        }
        return new ListedField(key);
    }

    /** A value as the column's cells show it: secrets masked. */
    default String masked(String value) {
        return SecretMasker.maskText(sortKey().fieldName(), value);
    }

    /** The filter a cell's "Show only" sets: the record's exact value (the sort value, not the shown text), or none. */
    default FieldFilter filterOf(SessionRecord record) {
        return new FieldFilter(sortKey(), sortKey().valueOf(record));
    }

    /** A line of the filter's pick list: the value as the cells show it, secrets masked, and how many sessions have it. */
    default String pickText(ValueCount value) {
        return String.format("%s  (%,d)", value.value().map(this::masked).orElse(SessionsViewModel.NO_VALUE), value.count());
    }

    /** A filter's chip: the column, and the value as the cells show it, secrets masked. */
    static String chipText(FieldFilter filter) {
        QueryColumn column = of(filter.field());
        return column.header() + " = " + filter.value().map(column::masked).orElse(SessionsViewModel.NO_VALUE);
    }

    /**
     * A field no standard column shows (tenantId, conversation.model), identified by its path as a {@link FieldColumn} is and
     * headed by a name, as the standard columns are: its {@link SortKey#label} ("Tenant", "Model"), as {@code ls} heads it.
     */
    record ListedField(SortKey sortKey) implements QueryColumn {

        @Override
        public String id() {
            return "field-" + sortKey.fieldName();
        }

        @Override
        public String header() {
            return sortKey.shownName();
        }
    }
}
