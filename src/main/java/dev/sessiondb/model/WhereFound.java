package dev.sessiondb.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a search found a session: each word's places among the fields and messages {@link SessionQuery#matches} searches, found
 * as it finds them (case-folded, in any of the word's {@link SearchForms}, in the text as tables show it, secrets masked), so a
 * word found only under a mask has no place there. Each place comes with a short snippet of that masked text around its first hit.
 */
public final class WhereFound {

    /**
     * Characters of the text kept before and after the hit, before cutting back to a whole word: few before it, so that a table's
     * cell, which cuts a long text at its end, still shows the word.
     */
    private static final int BEFORE = 12;
    private static final int AFTER = 24;
    private static final String CUT = "…";

    /**
     * A place a word of the search was found.
     *
     * @param word    the search word, as typed
     * @param where   the field as the table heads it ("Branch", "Tenant") or the message ("message 3 (user)")
     * @param snippet the text around the first hit, secrets masked, on one line, "…" where it goes on
     * @param message the message's index in the conversation (from 0); -1 for a field
     */
    public record Place(String word, String where, String snippet, int message) {

        public boolean inMessage() {
            return message >= 0;
        }

        /** The place and its snippet on one line: {@code message 3 (user): …asked for a refund of the…}. */
        public String text() {
            return where + ": " + snippet;
        }
    }

    /** One searched text of the record, as stored, and what a place in it is called. */
    private record Searched(String where, String stored, int message) {
    }

    private WhereFound() {
    }

    /** Every place each word of the query's search is found in the record, word by word in the search's order; none without a search. */
    public static List<Place> in(SessionQuery query, SessionRecord record) {
        List<String> words = query.searchWords();
        if (words.isEmpty()) {
            return List.of();
        }
        List<Searched> texts = searchedTexts(record);
        List<Place> places = new ArrayList<>();
        for (String word : words) {
            List<String> needles = SessionQuery.needles(word);
            for (Searched text : texts) {
                snippet(text.stored(), needles).ifPresent(snippet -> places.add(new Place(word, text.where(), snippet, text.message())));
            }
        }
        return places;
    }

    /** The first message (its index in the conversation) where a word of the search was found, if one was. */
    public static Optional<Integer> firstMessage(List<Place> places) {
        return places.stream().filter(Place::inMessage).map(Place::message).findFirst();
    }

    /** The fields and messages {@link SessionQuery#matches} searches, in its order: Minsky's, the kind's own, then the messages. */
    private static List<Searched> searchedTexts(SessionRecord record) {
        List<Searched> texts = new ArrayList<>();
        for (SortKey field : SessionQuery.SEARCHED) {
            texts.add(new Searched(field.shownName(), field.valueOf(record).orElse(null), -1));
        }
        SessionKind kind = SessionQuery.searchedKind(record);
        if (kind.listedByMinskysFields()) {
            return texts;
        }
        for (FieldPath field : kind.searchedFields()) {
            texts.add(new Searched(shownName(field), field.storedText(record).orElse(null), -1));
        }
        kind.searchedMessages().ifPresent(messages -> {
            List<String> contents = messages.storedTextOfEach(record, SessionKind.MESSAGE_TEXT);
            List<String> roles = messages.storedTextOfEach(record, "role");
            for (int index = 0; index < contents.size(); index++) {
                String role = roles.get(index);
                String where = "message " + (index + 1) + (role == null ? "" : " (" + SecretMasker.maskText(null, role) + ")");
                texts.add(new Searched(where, contents.get(index), index));
            }
        });
        return texts;
    }

    private static String shownName(FieldPath field) {
        return SortKey.labelOf(field.path()).orElse(field.path());
    }

    /** The masked text around the word's first hit; none where the text does not hold it, or holds it only under a mask. */
    private static Optional<String> snippet(String stored, List<String> needles) {
        if (stored == null || !SessionQuery.contains(CaseFolding.fold(stored), needles)) {
            return Optional.empty();
        }
        String shown = SecretMasker.maskText(null, stored).replaceAll("\\s+", " ").strip();
        String folded = CaseFolding.fold(shown);
        int at = -1;
        int length = 0;
        for (String needle : needles) {
            int hit = folded.indexOf(needle);
            if (hit >= 0 && (at < 0 || hit < at)) {
                at = hit;
                length = needle.length();
            }
        }
        if (at < 0) {
            return Optional.empty();
        }
        // folding keeps each character's length but for a rare few: the hit's place is then not the shown text's
        return Optional.of(folded.length() == shown.length() ? around(shown, at, at + length) : around(shown, 0, 0));
    }

    private static String around(String shown, int hitStart, int hitEnd) {
        int start = Math.max(0, hitStart - BEFORE);
        int end = Math.min(shown.length(), hitEnd + AFTER);
        int wordStart = shown.indexOf(' ', start);
        if (start > 0 && wordStart >= 0 && wordStart < hitStart) {
            start = wordStart + 1;
        }
        int wordEnd = shown.lastIndexOf(' ', end);
        if (end < shown.length() && wordEnd >= hitEnd) {
            end = wordEnd;
        }
        if (start > 0 && Character.isLowSurrogate(shown.charAt(start))) {
            start++;
        }
        if (end < shown.length() && Character.isLowSurrogate(shown.charAt(end))) {
            end++;
        }
        return (start > 0 ? CUT : "") + shown.substring(start, end).strip() + (end < shown.length() ? CUT : "");
    }
}
