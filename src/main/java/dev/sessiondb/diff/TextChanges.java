package dev.sessiondb.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.algorithm.DiffAlgorithmListener;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The places where two long texts differ, found word by word (java-diff-utils' Myers diff over words, runs of space and
 * single signs, ADR 0032). One span from the first difference to the last ({@link LongTextDifference}) told a 40-line
 * message with two lines edited as one 1,200-character change; this names each edit in its context.
 */
public final class TextChanges {

    /** Beyond this many words (or lines) on a side between the common start and end, the texts are told apart by one span. */
    static final int MOST_WORDS = 20_000;
    /**
     * Beyond this many words inserted and removed, likewise: Myers' time grows with the number of differences (a text of
     * 2,400 words rewritten whole took 0.2-0.8 s), and a text rewritten whole has no places worth naming.
     */
    static final int MOST_EDITS = 500;
    /** Places a line names; the rest are counted. */
    static final int NAMED = 3;
    private static final Pattern WORDS = Pattern.compile("[\\p{L}\\p{M}\\p{N}_]+|\\s+|.", Pattern.DOTALL);
    private static final Pattern LINES = Pattern.compile("[^\\n]*\\n|[^\\n]+");

    /**
     * One place the texts differ, as UTF-16 indexes into each (a text area selects by them); an insertion has
     * {@code startA == endA}, a deletion {@code startB == endB}.
     */
    public record Place(int startA, int endA, int startB, int endB) {
    }

    private final String a;
    private final String b;
    private final List<Place> places;

    private TextChanges(String a, String b, List<Place> places) {
        this.a = a;
        this.b = b;
        this.places = List.copyOf(places);
    }

    /**
     * The places two texts differ, or empty when they are equal or differ in too many words to name places. A text of
     * several lines is compared line by line first and each changed block word by word, as a reader compares it: word by
     * word alone, an inserted line ending in a word the next line starts with was found as two places.
     */
    public static Optional<TextChanges> of(String a, String b) {
        boolean lines = a.indexOf('\n') >= 0 || b.indexOf('\n') >= 0;
        List<Place> places = new ArrayList<>();
        if (!compare(Pieces.of(a, lines ? LINES : WORDS, 0, a.length()), Pieces.of(b, lines ? LINES : WORDS, 0, b.length()), places)) {
            return Optional.empty();
        }
        if (lines) {
            List<Place> byWords = new ArrayList<>();
            for (Place block : places) {
                int before = byWords.size();
                if (block.startA() == block.endA() || block.startB() == block.endB()
                        || !compare(Pieces.of(a, WORDS, block.startA(), block.endA()), Pieces.of(b, WORDS, block.startB(), block.endB()), byWords)) {
                    byWords.subList(before, byWords.size()).clear();
                    byWords.add(block);
                }
            }
            places = byWords;
        }
        return places.isEmpty() ? Optional.empty() : Optional.of(new TextChanges(a, b, places));
    }

    /**
     * Adds the places two runs of pieces differ, two places with only a run of space between them as one edit; false
     * when either side's differing middle has more than {@value #MOST_WORDS} pieces or they differ by more than
     * {@value #MOST_EDITS} edits.
     */
    private static boolean compare(Pieces piecesA, Pieces piecesB, List<Place> places) {
        int same = 0;
        int shorter = Math.min(piecesA.count(), piecesB.count());
        while (same < shorter && piecesA.piece(same).equals(piecesB.piece(same))) {
            same++;
        }
        int sameEnd = 0;
        while (sameEnd < shorter - same && piecesA.piece(piecesA.count() - 1 - sameEnd).equals(piecesB.piece(piecesB.count() - 1 - sameEnd))) {
            sameEnd++;
        }
        List<String> middleA = piecesA.pieces().subList(same, piecesA.count() - sameEnd);
        List<String> middleB = piecesB.pieces().subList(same, piecesB.count() - sameEnd);
        if (middleA.size() > MOST_WORDS || middleB.size() > MOST_WORDS) {
            return false;
        }
        List<AbstractDelta<String>> deltas;
        try {
            deltas = DiffUtils.diff(middleA, middleB, new EditBudget()).getDeltas();
        } catch (EditBudget.Spent spent) {
            return false;
        }
        int[] last = null;
        for (AbstractDelta<String> delta : deltas) {
            int[] at = {same + delta.getSource().getPosition(), same + delta.getSource().getPosition() + delta.getSource().size(),
                    same + delta.getTarget().getPosition(), same + delta.getTarget().getPosition() + delta.getTarget().size()};
            if (last != null && piecesA.onlySpaceBetween(last[1], at[0])) {
                places.remove(places.size() - 1);
                at[0] = last[0];
                at[2] = last[2];
            }
            places.add(new Place(piecesA.start(at[0]), piecesA.start(at[1]), piecesB.start(at[2]), piecesB.start(at[3])));
            last = at;
        }
        return true;
    }

    /**
     * The places two texts differ when they differ in more than one: one place is told as {@link LongTextDifference} tells it,
     * by where the texts part.
     */
    public static Optional<TextChanges> inSeveralPlaces(String a, String b) {
        return of(a, b).filter(changes -> changes.places().size() > 1);
    }

    public List<Place> places() {
        return places;
    }

    /**
     * A place as a reader is shown it: a few characters of A before it, A's part and B's part (each cut after 60
     * characters with how many more), a few characters after it, and {@code at character 174} in A.
     */
    public record Excerpt(String before, String removed, String added, String after, String where) {
    }

    public Excerpt excerpt(Place place) {
        return new Excerpt(LongTextDifference.before(a, place.startA()), LongTextDifference.middle(a, place.startA(), place.endA()),
                LongTextDifference.middle(b, place.startB(), place.endB()), LongTextDifference.after(a, place.endA()),
                "at character " + LongTextDifference.position(a, place.startA()));
    }

    /** {@code 3 places differ, of 1,869 -> 1,860 characters}. */
    public String summary() {
        return String.format(Locale.ROOT, "%,d places differ, of %s characters", places.size(), LongTextDifference.lengths(a, b));
    }

    /**
     * The places in one line: {@code 3 places differ, of 1,869 -> 1,860 characters: …with [some -> other] words… at
     * character 174; …; and 2 more}, the first {@value #NAMED} named, each as {@link LongTextDifference#describe} names
     * its one.
     */
    public String describe() {
        StringBuilder line = new StringBuilder(summary()).append(": ");
        for (int i = 0; i < Math.min(NAMED, places.size()); i++) {
            Excerpt excerpt = excerpt(places.get(i));
            line.append(i == 0 ? "" : "; ").append(excerpt.before()).append('[').append(excerpt.removed()).append(" -> ")
                    .append(excerpt.added()).append(']').append(excerpt.after()).append(' ').append(excerpt.where());
        }
        if (places.size() > NAMED) {
            line.append(String.format(Locale.ROOT, "; and %,d more", places.size() - NAMED));
        }
        return line.toString();
    }

    /** Stops Myers' search once it has taken more than {@value #MOST_EDITS} edits: it reports each step it takes. */
    private static final class EditBudget implements DiffAlgorithmListener {

        /** Thrown out of the search; no stack trace, as it is caught at once. */
        private static final class Spent extends RuntimeException {
            Spent() {
                super(null, null, false, false);
            }
        }

        @Override
        public void diffStart() {
        }

        @Override
        public void diffStep(int edits, int most) {
            if (edits > MOST_EDITS) {
                throw new Spent();
            }
        }

        @Override
        public void diffEnd() {
        }
    }

    /** A stretch of a text cut into pieces (lines, or words, runs of space and single signs), with where each starts. */
    private record Pieces(List<String> pieces, int[] starts, int end) {

        static Pieces of(String text, Pattern piece, int from, int to) {
            List<String> pieces = new ArrayList<>();
            List<Integer> starts = new ArrayList<>();
            Matcher found = piece.matcher(text).region(from, to);
            while (found.find()) {
                pieces.add(found.group());
                starts.add(found.start());
            }
            return new Pieces(pieces, starts.stream().mapToInt(Integer::intValue).toArray(), to);
        }

        int count() {
            return pieces.size();
        }

        String piece(int index) {
            return pieces.get(index);
        }

        /** Where a piece starts in the text; the stretch's end for the index just past the last piece. */
        int start(int index) {
            return index == starts.length ? end : starts[index];
        }

        /** Whether the pieces between two places are one run of space, so that the places read as one edit. */
        boolean onlySpaceBetween(int end, int start) {
            return start - end == 1 && pieces.get(end).isBlank();
        }
    }
}
