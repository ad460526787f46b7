package dev.sessiondb.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What a page of sessions asks for.
 *
 * @param search   words, each a substring ({@link CaseFolding case-folded}) of session key, task id, repo name or branch, or of
 *                 a field of the session's own kind ({@link SessionKind#searchedFields}: a chat server's tenant and user,
 *                 magellai's name and model) or the content of one of its messages ({@link SessionKind#searchedMessages}),
 *                 as typed or in its other Unicode normalisation (NFC or NFD), a task id typed qualified ({@code md#123}) in
 *                 its bare form ({@code #123}) too ({@link SearchForms}); every word must be found (in any of those fields);
 *                 blank for all
 * @param filters  exact-value filters, all of which must match
 * @param sort     sort column; ties are broken by key
 * @param afterKey keyset paging: only keys after this one (only with {@link SortKey#SESSION} ascending); null for none
 * @param offset   offset paging: rows skipped after filtering and sorting
 * @param limit    the most rows returned
 */
public record SessionQuery(String search, List<FieldFilter> filters, SortKey sort, boolean descending,
                           String afterKey, long offset, int limit) {

    public static final int DEFAULT_LIMIT = 100;

    public SessionQuery {
        search = search == null ? "" : search.strip();
        filters = List.copyOf(filters);
        Objects.requireNonNull(sort, "sort");
        if (afterKey != null && (sort != SortKey.SESSION || descending)) {
            throw new IllegalArgumentException("keyset paging (afterKey) needs an ascending sort by session");
        }
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative");
        }
    }

    public static SessionQuery all() {
        return new SessionQuery("", List.of(), SortKey.SESSION, false, null, 0, DEFAULT_LIMIT);
    }

    public SessionQuery withSearch(String text) {
        return new SessionQuery(text, filters, sort, descending, afterKey, offset, limit);
    }

    public SessionQuery withFilters(List<FieldFilter> newFilters) {
        return new SessionQuery(search, newFilters, sort, descending, afterKey, offset, limit);
    }

    public SessionQuery sortedBy(SortKey key, boolean desc) {
        return new SessionQuery(search, filters, key, desc, null, offset, limit);
    }

    public SessionQuery after(String key) {
        return new SessionQuery(search, filters, sort, descending, key, 0, limit);
    }

    public SessionQuery page(long newOffset, int newLimit) {
        return new SessionQuery(search, filters, sort, descending, afterKey, newOffset, newLimit);
    }

    /** The search split at white space: every one must be found, each in any searched field, in any of its {@link SearchForms}. */
    public List<String> searchWords() {
        return search.isEmpty() ? List.of() : List.of(search.split("\\s+"));
    }

    /** The fields free-text search looks at in every session; each kind's own come with them ({@link SessionKind#searchedFields}). */
    public static final List<SortKey> SEARCHED = List.of(SortKey.SESSION, SortKey.TASK_ID, SortKey.REPO_NAME, SortKey.BRANCH);

    /**
     * The reference order every backend must match: {@link SortKey#orderValueOf} as text (a task id in task order),
     * sessions without a value last in both directions, ties by key.
     */
    public Comparator<SessionRecord> comparator() {
        Comparator<String> values = descending ? Comparator.<String>reverseOrder() : Comparator.<String>naturalOrder();
        return Comparator.<SessionRecord, String>comparing(record -> sort.orderValueOf(record).orElse(null),
                        Comparator.nullsLast(values))
                .thenComparing(SessionRecord::key);
    }

    /**
     * True when the record passes search, filters and keyset position: the reference semantics every backend must match.
     * A word is found in a field as tables show it, its secrets masked ({@link SecretMasker#maskText}): a guessed part of a
     * token shown as {@code ****} must not confirm the token by finding its session.
     */
    public boolean matches(SessionRecord record) {
        if (afterKey != null && record.key().compareTo(afterKey) <= 0) {
            return false;
        }
        List<String> words = searchWords();
        List<String> kindTexts = words.isEmpty() ? List.of() : kindTexts(record);
        for (String word : words) {
            if (!foundAsShown(record, kindTexts, needles(word))) {
                return false;
            }
        }
        return filters.stream().allMatch(filter -> filter.matches(record));
    }

    /**
     * Whether a word of the search is found in the record's text only where tables show a mask: a store that searches its
     * text as stored finds such a record, which it must then leave out. Each field is case-folded once, whatever the words.
     */
    public boolean foundOnlyBehindMasks(SessionRecord record) {
        List<String> words = searchWords();
        if (words.isEmpty()) {
            return false;
        }
        List<String> kindTexts = kindTexts(record);
        String[] values = new String[SEARCHED.size() + kindTexts.size()];
        String[] folded = new String[values.length];
        for (int field = 0; field < values.length; field++) {
            values[field] = searchedValue(record, kindTexts, field);
            folded[field] = values[field] == null ? null : CaseFolding.fold(values[field]);
        }
        for (String word : words) {
            List<String> needles = needles(word);
            boolean foundAsStored = false;
            boolean foundAsShown = false;
            for (int field = 0; field < values.length && !foundAsShown; field++) {
                if (folded[field] != null && contains(folded[field], needles)) {
                    foundAsStored = true;
                    foundAsShown = shownHolds(values[field], needles);
                }
            }
            if (foundAsStored && !foundAsShown) {
                return true;
            }
        }
        return false;
    }

    /** The text is masked only once a field holds the word: a field without it costs no look for secrets. */
    private static boolean foundAsShown(SessionRecord record, List<String> kindTexts, List<String> needles) {
        for (int field = 0; field < SEARCHED.size() + kindTexts.size(); field++) {
            String value = searchedValue(record, kindTexts, field);
            if (value != null && contains(CaseFolding.fold(value), needles) && shownHolds(value, needles)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The texts as stored of the fields of its own kind a session is searched by ({@link SessionKind#searchedFields}), then of its
     * messages ({@link SessionKind#searchedMessages}); none when it names a repository: a session of Minsky's names one, and a SQL
     * store looks for the others among the rows without one, by that column's index. Minsky's and other tools' sessions read nothing.
     */
    private static List<String> kindTexts(SessionRecord record) {
        SessionKind kind = searchedKind(record);
        if (kind.listedByMinskysFields()) {
            return List.of();
        }
        List<String> texts = new ArrayList<>();
        for (FieldPath field : kind.searchedFields()) {
            texts.add(field.storedText(record).orElse(null));
        }
        kind.searchedMessages().ifPresent(messages -> texts.addAll(messages.storedTextsIn(record, SessionKind.MESSAGE_TEXT)));
        return texts;
    }

    /** The kind whose fields a search reads in the record: Minsky's for any session naming a repository (as a SQL store reads it). */
    static SessionKind searchedKind(SessionRecord record) {
        return record.repoName().isPresent() ? SessionKind.MINSKY : SessionKind.of(record);
    }

    /** The searched field's text as stored: {@link #SEARCHED}'s first, then the kind's own ({@link #kindTexts}); null for none. */
    private static String searchedValue(SessionRecord record, List<String> kindTexts, int field) {
        return field < SEARCHED.size() ? SEARCHED.get(field).valueOf(record).orElse(null) : kindTexts.get(field - SEARCHED.size());
    }

    /** Whether a value that holds the word as stored still holds it as tables show it, its secrets masked. */
    private static boolean shownHolds(String value, List<String> needles) {
        String shown = SecretMasker.maskText(null, value);
        return shown.equals(value) || contains(CaseFolding.fold(shown), needles);
    }

    /** The word's {@link SearchForms} case-folded; a word of one form (any ASCII word without '#') costs no normalisation and no stream. */
    static List<String> needles(String word) {
        List<String> forms = SearchForms.of(word);
        return forms.size() == 1 ? List.of(CaseFolding.fold(word)) : forms.stream().map(CaseFolding::fold).toList();
    }

    static boolean contains(String value, List<String> needles) {
        for (String needle : needles) {
            if (value.contains(needle)) {
                return true;
            }
        }
        return false;
    }
}
