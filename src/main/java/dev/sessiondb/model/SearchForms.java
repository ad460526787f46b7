package dev.sessiondb.model;

import java.util.List;

/**
 * The texts a search word is looked for as: its {@link UnicodeForms}, and for a task id typed qualified ({@code md#123},
 * {@code task#123}) its bare form {@code #123} too. Stores mix a task's forms ({@link TaskId}): a session whose task id is
 * stored {@code #123} is task {@code md#123}, which a substring of the typed text alone never finds.
 */
public final class SearchForms {

    private SearchForms() {
    }

    /** The word's forms, as typed first; a word without {@code #} costs what its Unicode forms cost, no task id parsing. */
    public static List<String> of(String word) {
        int hash = word.indexOf('#');
        if (hash <= 0 || TaskId.parse(word).isEmpty()) {
            return UnicodeForms.of(word);
        }
        // a task id is ASCII: one Unicode form; the digits as typed, so #079 is found as stored with its zeros
        return List.of(word, word.substring(hash));
    }
}
