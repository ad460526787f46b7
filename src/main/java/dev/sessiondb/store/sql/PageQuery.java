package dev.sessiondb.store.sql;

import dev.sessiondb.model.FieldFilter;
import dev.sessiondb.model.Page;
import dev.sessiondb.model.SessionQuery;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.model.SortKey;
import dev.sessiondb.model.SearchForms;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.stream.Collectors;

/**
 * One page of a {@link SessionQuery} with exactly the reference semantics of
 * {@link SessionQuery#matches} and {@link SessionQuery#comparator}. Everything the layout can
 * express runs in SQL; what it cannot (dates kept as written text) is finished in Java over
 * the streamed rows, holding no more than {@code offset + limit} records. A page is a listing: a
 * record whose text no longer reads is its stand-in there ({@link Layout#readListed}), not the end of the page.
 */
final class PageQuery {

    /**
     * Above this many matches a search index costs more than the scan it saves: SQLite's trigram
     * table hands over every match before a page is sorted (a needle in 750,000 of 1M sessions:
     * 4.6 s for the page, 4.6 s more for its count), while a scan in key order stops at the
     * page's last match (1 ms) and counts everything in 1.5-2.2 s. Counting the index's matches up
     * to this limit decides, for about 5 ms.
     */
    static final int INDEX_MATCHES_WORTH_IT = 2_000;

    private final Dialect dialect;
    private final Layout layout;
    private final SessionQuery query;
    private final MaskedSearchRows maskedRows;
    private final List<String> conditions = new ArrayList<>();
    private final List<Object> params = new ArrayList<>();
    /** Whether Java confirms the page's matches: a word or filter SQL cannot answer exactly narrows the rows at most. */
    private boolean confirmInJava;
    /** Whether Java finishes the page: it confirms the matches, or sorts them where SQL's order is not the reference's. */
    private boolean finishInJava;
    /** What SQL sorts the page by: the layout's expressions, then as {@link #plan} found it, those its rows allow; null when Java sorts it. */
    private List<String> order;
    /** Whether a word is also looked for in the fields of the kinds searched by their own ({@link Layout#holdsKindFieldsRows}). */
    private boolean searchesKindFields;

    PageQuery(Dialect dialect, Layout layout, SessionQuery query, MaskedSearchRows maskedRows) {
        this.dialect = dialect;
        this.layout = layout;
        this.query = query;
        this.maskedRows = maskedRows;
        // a page's statement asked for without a run (a test EXPLAINs it) is sorted by the layout's own expressions
        this.order = layout.orderExpressions(query.sort()).orElse(null);
    }

    /** The page and how many sessions match across all pages. */
    Page run(Connection connection) throws SQLException {
        plan(connection);
        if (finishInJava) {
            return inJava(connection);
        }
        if (query.limit() == 0) {
            return new Page(List.of(), shownOf(connection, count(connection)));
        }
        Page page = rowsWithCount(connection);
        if (showsMaskedMatch(page.records())) {
            return inJava(connection);
        }
        // a first page that holds every match has shown each one already
        boolean allShown = query.offset() == 0 && page.records().size() == page.totalMatching();
        return allShown ? page : new Page(page.records(), shownOf(connection, page.totalMatching()));
    }

    /**
     * Whether the page is read without a transaction ({@link SqlTransactions#readAlone}): on
     * PostgreSQL, where that saves a round trip or two of three, and when SQL answers the whole page
     * whatever a search index counts ({@link #plan} then leaves nothing to Java, whose scan needs a
     * cursor): the page and its count share one statement, so one snapshot, which two statements in
     * a transaction at PostgreSQL's default READ COMMITTED did not. SQLite has no round trips to save.
     */
    boolean readsAlone() {
        return dialect == Dialect.POSTGRESQL && layout.orderExpressions(query.sort()).isPresent()
                && query.searchWords().stream().allMatch(word -> layout.searchCondition(word).isPresent())
                && query.filters().stream().allMatch(filter -> layout.filterCondition(filter).isPresent());
    }

    /** The page's records alone, as a listing wants them: counting every match of a broad search costs seconds. */
    List<SessionRecord> records(Connection connection) throws SQLException {
        plan(connection);
        if (confirmInJava) {
            return confirmedRecords(connection);
        }
        if (finishInJava) {
            return inJava(connection).records();
        }
        List<SessionRecord> rows = rows(connection);
        return showsMaskedMatch(rows) ? inJava(connection).records() : rows;
    }

    /**
     * A page Java confirms: the rows SQL lets through sorted in Java where they are few, so a rare word costs what it did, without a
     * layout's look at its rows for an order of SQL's (150-370 ms at 100,000 chat sessions where the store changed since the last); else
     * read in SQL's order, where SQL has the reference's, until the page is full ({@link ConfirmedInOrder}).
     */
    private List<SessionRecord> confirmedRecords(Connection connection) throws SQLException {
        Optional<Page> fewRows = inJava(connection, Dialect.FETCH_SIZE);
        if (fewRows.isPresent()) {
            return fewRows.get().records();
        }
        order = layout.orderExpressions(connection, query.sort()).orElse(null);
        return order == null ? inJava(connection).records() : new ConfirmedInOrder(layout, query).read(connection, from() + pageOrder(), params);
    }

    /**
     * Whether SQL, searching the text as stored, found a record whose search word lies only inside a secret tables mask:
     * the page is then worked out again in Java ({@link SessionQuery#matches}, which leaves such a record out).
     */
    private boolean showsMaskedMatch(List<SessionRecord> rows) {
        return !query.searchWords().isEmpty() && rows.stream().anyMatch(query::foundOnlyBehindMasks);
    }

    /**
     * How many of the sessions SQL counted the pages show: less those it found only behind a mask, looked for only among the
     * rows whose searched text holds a secret ({@link MaskedSearchRows}), none in nearly every store.
     */
    private long shownOf(Connection connection, long counted) throws SQLException {
        List<String> masked = counted == 0 || query.searchWords().isEmpty() ? List.of() : maskedRows.keys(connection, layout);
        long shown = counted;
        for (int from = 0; from < masked.size(); from += Dialect.FETCH_SIZE) {
            List<String> keys = masked.subList(from, Math.min(from + Dialect.FETCH_SIZE, masked.size()));
            List<Object> keyParams = new ArrayList<>(params);
            keyParams.addAll(keys);
            String among = (conditions.isEmpty() ? " WHERE " : " AND ") + layout.keyExpression()
                    + keys.stream().map(key -> "?").collect(Collectors.joining(", ", " IN (", ")"));
            try (PreparedStatement select = prepare(connection, "SELECT " + layout.selectList() + from() + among, keyParams);
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    if (!query.matches(layout.readListed(rows))) {
                        shown--;
                    }
                }
            }
        }
        return shown;
    }

    private void plan(Connection connection) throws SQLException {
        if (holdsNul(query)) {
            // SQLite's driver cuts bound text at a NUL (the rest would match everything) and PostgreSQL
            // text cannot hold one: no SQL store holds such a value, so the query matches nothing
            add(new Layout.SqlCondition("1 = 0", List.of()));
        } else {
            searchesKindFields = !query.searchWords().isEmpty() && layout.holdsKindFieldsRows(connection);
            for (String word : query.searchWords()) {
                Optional<Layout.SqlCondition> found = wordCondition(connection, word);
                if (found.isPresent()) {
                    add(found.get());
                } else {
                    confirmInJava = true;
                    candidates(connection, word).ifPresent(this::add);
                }
            }
            for (FieldFilter filter : query.filters()) {
                layout.filterCondition(filter).ifPresentOrElse(this::add, () -> confirmInJava = true);
            }
        }
        if (query.afterKey() != null) {
            add(new Layout.SqlCondition(dialect.binary(layout.keyExpression()) + " > ?", List.of(query.afterKey())));
        }
        // a page Java confirms is sorted there (one without its count only past a few rows): a layout's look at its rows for an
        // order of SQL's would be spent for nothing
        order = confirmInJava ? null : layout.orderExpressions(connection, query.sort()).orElse(null);
        finishInJava = order == null;
    }

    /**
     * A word found in any of its {@link SearchForms} (as typed, its other Unicode normalisation, a qualified task id's bare
     * form): one condition for a word that has one form (any ASCII word without '#'), the forms' conditions joined by OR for
     * one that has more. Empty when the layout cannot search in SQL.
     */
    private Optional<Layout.SqlCondition> wordCondition(Connection connection, String word) throws SQLException {
        List<String> parts = new ArrayList<>();
        List<Object> partParams = new ArrayList<>();
        for (String form : SearchForms.of(word)) {
            Optional<Layout.SqlCondition> condition = indexedWhenSelective(connection, form).or(() -> layout.searchCondition(form));
            if (condition.isEmpty()) {
                return Optional.empty();
            }
            Layout.SqlCondition found = searchesKindFields ? either(condition.get(), layout.kindFieldsCondition(form).orElseThrow()) : condition.get();
            parts.add(found.sql());
            partParams.addAll(found.params());
        }
        return Optional.of(parts.size() == 1 ? new Layout.SqlCondition(parts.get(0), partParams)
                : new Layout.SqlCondition(parts.stream().map(part -> "(" + part + ")").collect(Collectors.joining(" OR ", "(", ")")), partParams));
    }

    /** The rows that may hold a word SQL cannot search exactly ({@link Layout#searchCandidates}), in any of its {@link SearchForms}; empty for every row. */
    private Optional<Layout.SqlCondition> candidates(Connection connection, String word) throws SQLException {
        List<Layout.SqlCondition> forms = new ArrayList<>();
        for (String form : SearchForms.of(word)) {
            Optional<Layout.SqlCondition> candidates = layout.searchCandidates(connection, form);
            if (candidates.isEmpty()) {
                return Optional.empty();
            }
            forms.add(candidates.get());
        }
        return Optional.of(forms.stream().reduce(PageQuery::either).orElseThrow());
    }

    /** A word found by either condition. */
    private static Layout.SqlCondition either(Layout.SqlCondition one, Layout.SqlCondition other) {
        List<Object> both = new ArrayList<>(one.params());
        both.addAll(other.params());
        return new Layout.SqlCondition("((" + one.sql() + ") OR " + other.sql() + ")", both);
    }

    /** The search index's condition for a word it matches in few sessions; empty to scan instead. */
    private Optional<Layout.SqlCondition> indexedWhenSelective(Connection connection, String word) throws SQLException {
        Optional<Layout.IndexedSearch> indexed = layout.indexedSearch(word);
        if (indexed.isEmpty()) {
            return Optional.empty();
        }
        Layout.SqlCondition countUpTo = indexed.get().countUpTo();
        List<Object> countParams = new ArrayList<>(countUpTo.params());
        countParams.add(INDEX_MATCHES_WORTH_IT);
        try (PreparedStatement count = prepare(connection, countUpTo.sql(), countParams); ResultSet rows = count.executeQuery()) {
            rows.next();
            return rows.getLong(1) < INDEX_MATCHES_WORTH_IT ? Optional.of(indexed.get().condition()) : Optional.empty();
        }
    }

    private static boolean holdsNul(SessionQuery query) {
        return query.search().indexOf('\0') >= 0 || query.filters().stream().anyMatch(filter -> filter.value().filter(value -> value.indexOf('\0') >= 0).isPresent());
    }

    private void add(Layout.SqlCondition condition) {
        conditions.add(condition.sql());
        params.addAll(condition.params());
    }

    private String from() {
        return from(conditions);
    }

    private String from(List<String> where) {
        return " FROM " + layout.rows() + " s" + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where));
    }

    private long count(Connection connection) throws SQLException {
        try (PreparedStatement count = prepare(connection, "SELECT count(*)" + from(), params); ResultSet rows = count.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private List<SessionRecord> rows(Connection connection) throws SQLException {
        List<SessionRecord> records = new ArrayList<>();
        PageStatement page = pageStatement("", List.of());
        try (PreparedStatement select = prepare(connection, page.sql(), page.params()); ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                records.add(layout.readListed(rows));
            }
        }
        return records;
    }

    /**
     * The page's rows, each with the count of every match as one more column: one statement, so one
     * round trip and one snapshot for both (the count is worked out once). A page past the last
     * match has no row to carry it: then the count is asked alone.
     */
    private Page rowsWithCount(Connection connection) throws SQLException {
        List<SessionRecord> records = new ArrayList<>();
        long total = 0;
        PageStatement page = pageStatement(", (SELECT count(*)" + from() + ")", params);
        try (PreparedStatement select = prepare(connection, page.sql(), page.params()); ResultSet rows = select.executeQuery()) {
            int countColumn = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                records.add(layout.readListed(rows));
                total = rows.getLong(countColumn);
            }
        }
        return new Page(records, records.isEmpty() ? count(connection) : total);
    }

    /**
     * The page's statement: the layout's {@link Layout#selectList}, then {@code lastColumn}, of the page's matches in the order of
     * {@link SessionQuery#comparator}; its parameters are {@code lastColumnParams}, then its own. A test EXPLAINs it.
     */
    PageStatement pageStatement(String lastColumn, List<Object> lastColumnParams) {
        List<Object> statementParams = new ArrayList<>(lastColumnParams);
        if (readsTasksThenSessionsWithout()) {
            return tasksThenSessionsWithout(lastColumn, statementParams);
        }
        statementParams.addAll(params);
        statementParams.add(query.limit());
        statementParams.add(query.offset());
        String page = " LIMIT ? OFFSET ?";
        if (layout.readsRowsAfterPaging()) {
            String keys = "SELECT " + layout.keyExpression() + from() + pageOrder() + page;
            return new PageStatement("SELECT " + layout.selectList() + lastColumn + " FROM " + layout.rows() + " s WHERE " + layout.keyExpression()
                    + " IN (" + keys + ")" + pageOrder(), statementParams);
        }
        return new PageStatement("SELECT " + layout.selectList() + lastColumn + from() + pageOrder() + page, statementParams);
    }

    /**
     * Whether a page reads the sessions with a task id in descending task order from the task order's index, read backwards, and
     * then those without one: PostgreSQL's index read backwards would give these first, and they come last both ways, so one
     * statement over the whole table sorted every row (1.4-1.8 s at 1M against 0.15 s, the count of every match with it).
     */
    private boolean readsTasksThenSessionsWithout() {
        return dialect == Dialect.POSTGRESQL && query.sort() == SortKey.TASK_ID && query.descending() && layout.indexesTaskOrder();
    }

    /** The two parts, each as far as the page reaches in its own order; the few rows of both then sorted into the page's. */
    private PageStatement tasksThenSessionsWithout(String lastColumn, List<Object> statementParams) {
        List<String> sort = layout.orderExpressions(SortKey.TASK_ID).orElseThrow();
        String number = sort.get(0);
        String key = dialect.binary(layout.keyExpression());
        long reach = query.offset() + query.limit();
        List<String> withTask = new ArrayList<>(conditions);
        withTask.add(number + " IS NOT NULL");
        List<String> withoutTask = new ArrayList<>(conditions);
        withoutTask.add(number + " IS NULL");
        for (int part = 0; part < 2; part++) {
            statementParams.addAll(params);
            statementParams.add(reach);
        }
        statementParams.add(query.limit());
        statementParams.add(query.offset());
        // NULLS FIRST, which no row of the part has, as the index read backwards gives its order
        String sql = "SELECT p.*" + lastColumn + " FROM ("
                + "(SELECT " + layout.selectList() + ", 0 AS task_part, " + number + " AS task_number, " + sort.get(1) + " AS task_text, " + key + " AS sort_key"
                + from(withTask) + " ORDER BY " + number + " DESC NULLS FIRST, " + sort.get(1) + " DESC, " + key + " LIMIT ?)"
                + " UNION ALL (SELECT " + layout.selectList() + ", 1, NULL, NULL, " + key + from(withoutTask) + " ORDER BY " + key + " LIMIT ?)) p"
                + " ORDER BY p.task_part, p.task_number DESC, " + dialect.binary("p.task_text") + " DESC, " + dialect.binary("p.sort_key") + " LIMIT ? OFFSET ?";
        return new PageStatement(sql, statementParams);
    }

    /** A statement with its parameters. */
    record PageStatement(String sql, List<Object> params) {
    }

    /** The order of {@link SessionQuery#comparator}: the layout's expressions (null for a session without a value), then the key. */
    private String pageOrder() {
        String direction = query.descending() ? " DESC" : "";
        // the key is never null and unique: ordering by it alone lets the key index serve keyset paging
        if (query.sort() == SortKey.SESSION) {
            return " ORDER BY " + dialect.binary(layout.keyExpression()) + direction;
        }
        StringBuilder clause = new StringBuilder(" ORDER BY ").append(order.get(0)).append(direction).append(" NULLS LAST");
        order.subList(1, order.size()).forEach(expression -> clause.append(", ").append(expression).append(direction));
        return clause.append(", ").append(dialect.binary(layout.keyExpression())).toString();
    }

    private Page inJava(Connection connection) throws SQLException {
        return inJava(connection, Long.MAX_VALUE).orElseThrow();
    }

    /** The page worked out in Java over the rows SQL lets through; empty when they are more than {@code rowsAtMost}. */
    private Optional<Page> inJava(Connection connection, long rowsAtMost) throws SQLException {
        Comparator<Ranked> order = rankOrder();
        long keep = Math.min(query.offset() + query.limit(), Integer.MAX_VALUE);
        PriorityQueue<Ranked> best = new PriorityQueue<>(order.reversed());
        long total = 0;
        long read = 0;
        try (PreparedStatement select = prepare(connection, "SELECT " + layout.selectList() + from(), params)) {
            select.setFetchSize(Dialect.FETCH_SIZE);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    if (++read > rowsAtMost) {
                        return Optional.empty();
                    }
                    SessionRecord record = layout.readListed(rows);
                    if (query.matches(record)) {
                        total++;
                        best.add(new Ranked(query.sort().orderValueOf(record).orElse(null), record));
                        if (best.size() > keep) {
                            best.poll();
                        }
                    }
                }
            }
        }
        List<Ranked> sorted = new ArrayList<>(best);
        sorted.sort(order);
        List<SessionRecord> page = sorted.subList((int) Math.min(query.offset(), sorted.size()), sorted.size())
                .stream().map(Ranked::record).toList();
        return Optional.of(new Page(page, total));
    }

    /**
     * {@link SessionQuery#comparator()} over values computed once per record instead of once per
     * comparison (parsing a date each time made a page of 200k rows take seconds); the
     * conformance suite holds the two to the same order.
     */
    private Comparator<Ranked> rankOrder() {
        Comparator<String> values = query.descending() ? Comparator.<String>reverseOrder() : Comparator.<String>naturalOrder();
        return Comparator.comparing(Ranked::value, Comparator.nullsLast(values)).thenComparing(ranked -> ranked.record().key());
    }

    /** A record with the value it sorts by. */
    private record Ranked(String value, SessionRecord record) {
    }

    static PreparedStatement prepare(Connection connection, String sql, List<Object> params) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < params.size(); i++) {
            statement.setObject(i + 1, params.get(i));
        }
        return statement;
    }
}
