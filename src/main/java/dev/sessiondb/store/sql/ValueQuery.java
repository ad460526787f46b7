package dev.sessiondb.store.sql;

import dev.sessiondb.model.ValueCount;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The values of one column and how many sessions hold each, most first, and the count of those without one: a GROUP BY. */
final class ValueQuery {

    private final String valuesSql;
    private final List<Object> valuesParams;
    private final String withoutSql;
    private final List<Object> params;

    ValueQuery(Dialect dialect, Layout layout, String value, List<String> groups, List<Layout.SqlCondition> conditions, int limit) {
        String filtered = conditions.stream().map(condition -> " AND " + condition.sql()).collect(Collectors.joining());
        this.params = conditions.stream().flatMap(condition -> condition.params().stream()).toList();
        String from = " FROM " + layout.rows() + " s WHERE " + value;
        this.valuesSql = "SELECT " + value + ", count(*)" + from + " IS NOT NULL" + filtered
                + " GROUP BY " + String.join(", ", groups) + " ORDER BY count(*) DESC, " + dialect.binary(value) + " LIMIT ?";
        List<Object> withLimit = new ArrayList<>(params);
        withLimit.add(limit);
        this.valuesParams = withLimit;
        this.withoutSql = "SELECT count(*)" + from + " IS NULL" + filtered;
    }

    List<ValueCount> run(Connection connection) throws SQLException {
        List<ValueCount> values = new ArrayList<>();
        try (PreparedStatement statement = PageQuery.prepare(connection, valuesSql, valuesParams); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                values.add(new ValueCount(rows.getString(1), rows.getLong(2)));
            }
        }
        try (PreparedStatement statement = PageQuery.prepare(connection, withoutSql, params); ResultSet rows = statement.executeQuery()) {
            rows.next();
            return ValueCount.withFirst(rows.getLong(1), values);
        }
    }
}
