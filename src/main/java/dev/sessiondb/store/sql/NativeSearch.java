package dev.sessiondb.store.sql;

import dev.sessiondb.model.CaseFolding;
import dev.sessiondb.store.sql.Layout.IndexedSearch;
import dev.sessiondb.store.sql.Layout.SqlCondition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a search of the native table asks SQL, as each schema version indexes the searched text:
 * the key, task id, repository and branch. From V4 they are searched as one text joined by the unit
 * separator, which PostgreSQL's pg_trgm index serves for this very condition; SQLite's FTS5
 * table is asked through {@link #indexed} instead. V3 keeps its four-column index.
 * PostgreSQL's V6 searches the text in two halves, each served by its own index: the needle
 * holds no separator, so a match in the whole text is a match in one of its halves.
 */
final class NativeSearch {

    /** The shortest needle the SQLite trigram index can answer. */
    private static final int TRIGRAM = 3;
    /** The unit separator between the searched fields, as each dialect writes it (V4's index expression). */
    private static final Map<Dialect, String> SEPARATOR = Map.of(Dialect.SQLITE, "char(31)", Dialect.POSTGRESQL, "chr(31)");

    private final Dialect dialect;
    private final String version;

    NativeSearch(Dialect dialect, String version) {
        this.dialect = dialect;
        this.version = version;
    }

    /** Whether the schema searches one text (from V4); before, {@link #v3Condition} or the columns one by one. */
    boolean searchesOneText() {
        return NativeSchema.reached(version, NativeSchema.ONE_SEARCH_TEXT);
    }

    /** The condition from V4 on, written as the version's index expression. */
    SqlCondition oneTextCondition(String needle) {
        return FoldedSearch.inAnyOf(dialect, searchedTexts(), needle);
    }

    /** V3's condition: SQLite's FTS5 table over the four columns for a needle it can answer; empty otherwise. */
    Optional<SqlCondition> v3Condition(String needle) {
        if (dialect == Dialect.SQLITE && needle.codePointCount(0, needle.length()) >= TRIGRAM) {
            String phrase = "{session_key task_id repo_name branch} : \"" + needle.replace("\"", "\"\"") + "\"";
            return Optional.of(new SqlCondition("s.id IN (SELECT rowid FROM sessions_search WHERE sessions_search MATCH ?)", List.of(phrase)));
        }
        return Optional.empty();
    }

    /**
     * The lower-cased text V4's to V6's indexes hold, written as each index's expression is, so
     * that PostgreSQL recognises it. From V5 a branch equal to the key is left out (it finds the
     * same sessions), and PostgreSQL lowers under the database's collation, as V4's columns did,
     * now that the columns themselves compare as bytes. From V6 (PostgreSQL) a task id the key
     * holds is left out too, and the text is two: the key's half and the repository's.
     */
    private List<String> searchedTexts() {
        String separator = " || " + SEPARATOR.get(dialect) + " || ";
        String taskId = "coalesce(s.task_id, '')";
        String repository = "coalesce(s.repo_name, '')";
        String leading = "s.session_key" + separator + taskId + separator + repository + separator;
        if (!NativeSchema.reached(version, NativeSchema.LEANER_INDEXES)) {
            return List.of("lower(" + leading + "coalesce(s.branch, ''))");
        }
        String branch = "CASE WHEN s.branch = s.session_key THEN '' ELSE coalesce(s.branch, '') END";
        if (dialect != Dialect.POSTGRESQL || !NativeSchema.reached(version, NativeSchema.SEARCH_IN_HALVES)) {
            return List.of(lowered(leading + branch));
        }
        String taskIdNotInKey = "CASE WHEN strpos(s.session_key, s.task_id) > 0 THEN '' ELSE " + taskId + " END";
        return List.of(lowered("s.session_key" + separator + taskIdNotInKey), lowered(repository + separator + branch));
    }

    /** The text lower-cased as the indexes hold it: PostgreSQL under the database's collation. */
    String lowered(String text) {
        return dialect == Dialect.POSTGRESQL ? "lower((" + text + ") COLLATE \"default\")" : "lower(" + text + ")";
    }

    /**
     * SQLite's FTS5 trigram table answers a needle of three or more characters without LIKE's
     * wildcards (it skips a LIKE with ESCAPE): the same lower-cased text as {@link #oneTextCondition}.
     * The table folds every letter's case but SQLite checks a LIKE's matches again folding ASCII only:
     * a needle outside ASCII asks the table for its trigrams in every spelling ({@link FoldedSearch#trigramQuery}),
     * and its matches are checked by {@link #oneTextCondition}.
     */
    Optional<IndexedSearch> indexed(String needle) {
        String lower = CaseFolding.fold(needle);
        boolean plain = lower.indexOf('%') < 0 && lower.indexOf('_') < 0;
        if (dialect != Dialect.SQLITE || !searchesOneText() || !plain || lower.codePointCount(0, lower.length()) < TRIGRAM) {
            return Optional.empty();
        }
        if (!CaseFolding.isAscii(lower)) {
            return FoldedSearch.trigramQuery(lower).map(query -> checkedTrigrams(query, needle));
        }
        List<Object> pattern = List.of("%" + lower + "%");
        return Optional.of(new IndexedSearch(new SqlCondition("s.id IN (SELECT rowid FROM sessions_search WHERE text LIKE ?)", pattern),
                KindFieldsSearch.countUpTo("SELECT 1 FROM sessions_search WHERE text LIKE ?", pattern)));
    }

    /** The rows an FTS5 query finds, each checked by {@link #oneTextCondition} (the query asks for trigrams, not their order). */
    private IndexedSearch checkedTrigrams(String trigramQuery, String needle) {
        SqlCondition checked = oneTextCondition(needle);
        List<Object> params = new ArrayList<>(List.of(trigramQuery));
        params.addAll(checked.params());
        return new IndexedSearch(new SqlCondition("s.id IN (SELECT rowid FROM sessions_search WHERE sessions_search MATCH ?) AND " + checked.sql(), params),
                KindFieldsSearch.countUpTo("SELECT 1 FROM sessions_search WHERE sessions_search MATCH ?", List.of(trigramQuery)));
    }
}
