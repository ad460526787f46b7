package dev.sessiondb.store.sql;

import dev.sessiondb.model.CaseFolding;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * A search word as SQL finds it in lower-cased text, with {@link CaseFolding}'s matches whatever the database's
 * {@code lower()} folds: SQLite's folds ASCII only, PostgreSQL's what its collation says (only ASCII under {@code C}).
 * An ASCII word is a plain {@code LIKE}, as fast as ever; a word outside ASCII lists each of its characters' variants in
 * a class ({@code caf[éÉ]}), in SQLite's {@code GLOB} and PostgreSQL's regular expression, which its trigram index serves.
 */
final class FoldedSearch {

    /** More than this many spellings of one trigram and SQLite's search index is not worth asking ({@link #trigramQuery}). */
    private static final int MOST_SPELLINGS = 27;
    private static final int TRIGRAM = 3;

    private FoldedSearch() {
    }

    /** Whether any of the lower-cased expressions holds the word, case folded. */
    static Layout.SqlCondition inAnyOf(Dialect dialect, List<String> loweredExpressions, String word) {
        String folded = CaseFolding.fold(word);
        String test;
        Object pattern;
        if (CaseFolding.isAscii(folded)) {
            test = " LIKE ? ESCAPE '\\'";
            pattern = "%" + Layout.escapeLike(folded) + "%";
        } else if (dialect == Dialect.SQLITE) {
            test = " GLOB ?";
            pattern = "*" + classes(folded, FoldedSearch::globLiteral) + "*";
        } else {
            test = " ~ ?";
            pattern = classes(folded, FoldedSearch::regexLiteral);
        }
        return new Layout.SqlCondition(loweredExpressions.stream().map(expression -> expression + test).collect(Collectors.joining(" OR ", "(", ")")),
                Collections.nCopies(loweredExpressions.size(), pattern));
    }

    /**
     * An FTS5 query a trigram index answers with every row that may hold the word outside ASCII, whatever it folds: each
     * trigram of the word in each spelling of its characters, spellings joined by OR and trigrams by AND (an index
     * without positions takes no phrase). Empty for a word shorter than a trigram or with too many spellings.
     */
    static Optional<String> trigramQuery(String word) {
        int[] codePoints = CaseFolding.fold(word).codePoints().toArray();
        if (codePoints.length < TRIGRAM) {
            return Optional.empty();
        }
        List<String> trigrams = new ArrayList<>();
        for (int start = 0; start + TRIGRAM <= codePoints.length; start++) {
            List<String> spellings = List.of("");
            for (int at = start; at < start + TRIGRAM; at++) {
                List<String> longer = new ArrayList<>();
                for (String spelled : spellings) {
                    for (int variant : CaseFolding.variants(codePoints[at])) {
                        longer.add(spelled + Character.toString(variant));
                    }
                }
                spellings = longer;
            }
            if (spellings.size() > MOST_SPELLINGS) {
                return Optional.empty();
            }
            trigrams.add(spellings.stream().map(spelled -> "\"" + spelled.replace("\"", "\"\"") + "\"").collect(Collectors.joining(" OR ", "(", ")")));
        }
        return Optional.of(String.join(" AND ", trigrams));
    }

    /** The folded word with each character outside ASCII as the class of its variants, each other one as {@code literal} writes it. */
    private static String classes(String folded, IntFunction<String> literal) {
        StringBuilder pattern = new StringBuilder();
        folded.codePoints().forEach(codePoint -> {
            int[] variants = CaseFolding.variants(codePoint);
            if (variants.length == 1) {
                pattern.append(literal.apply(codePoint));
            } else {
                pattern.append('[');
                for (int variant : variants) {
                    pattern.appendCodePoint(variant);
                }
                pattern.append(']');
            }
        });
        return pattern.toString();
    }

    private static String globLiteral(int codePoint) {
        return codePoint == '*' || codePoint == '?' || codePoint == '[' ? "[" + (char) codePoint + "]" : Character.toString(codePoint);
    }

    /** An ASCII sign escaped (in PostgreSQL's advanced expressions a backslash before one that is not a letter or digit means itself). */
    private static String regexLiteral(int codePoint) {
        return codePoint < 0x80 && !Character.isLetterOrDigit(codePoint) ? "\\" + (char) codePoint : Character.toString(codePoint);
    }
}
