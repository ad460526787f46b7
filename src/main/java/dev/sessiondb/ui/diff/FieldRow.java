package dev.sessiondb.ui.diff;

import dev.sessiondb.diff.LongTextDifference;
import dev.sessiondb.diff.TextChanges;

/**
 * One line of the side-by-side comparison: a field (or a nested field, indented) with its value
 * in each record, secrets masked.
 *
 * @param path  the full path ({@code pullRequest.state})
 * @param name  the last part, indented by depth, for the Field column
 * @param a     the value in A as text, or {@link SideBySide#ABSENT}
 * @param b     the value in B as text, or {@link SideBySide#ABSENT}
 * @param wholeA the whole value in A (masked) when it is a text or a number, to open in full; else null
 * @param wholeB the whole value in B, likewise
 * @param parting where two long values part, for the cells to show first; null unless a long value changed
 * @param places  each place two long values part, when they part in several; else null
 */
public record FieldRow(String path, String name, String a, String b, State state, String wholeA, String wholeB,
                       LongTextDifference.Parting parting, TextChanges places) {

    public enum State {
        /** Both records hold the same value. */
        SAME,
        /** The value differs (or is on one side only), here or in a field around it. */
        CHANGED,
        /** An object or array with a changed field inside. */
        CONTAINS_CHANGES,
        /** Left out of the comparison by the ignore list. */
        IGNORED
    }
}
