package dev.sessiondb.ui.common;

import dev.sessiondb.diff.LongTextDifference;
import dev.sessiondb.diff.UnseenText;

/**
 * A field's value as the diff view and a repair's preview show it in a cell, one way in both: an absent field as a dash,
 * an empty text as two quotes (a blank cell read as no value at all), a long text by where it is cut, and a character
 * that prints as nothing as its escape.
 */
public final class ShownValue {

    public static final String ABSENT = "—";
    public static final String EMPTY_TEXT = "\"\"";

    private ShownValue() {
    }

    /** @param text the value as text; null when the field is absent */
    public static String of(String text) {
        if (text == null) {
            return ABSENT;
        }
        return text.isEmpty() ? EMPTY_TEXT : UnseenText.escaped(LongTextDifference.cut(text));
    }
}
