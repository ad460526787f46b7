package dev.sessiondb.ui.diff;

import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

/** A value too long for a cell, whole and read-only in a window of its own, its first difference selected. */
final class WholeValueWindow {

    private WholeValueWindow() {
    }

    /**
     * @param name  what the value is ("notes in A"), for the title
     * @param value the whole value, already masked as the table masks it
     * @param from  where the first difference starts (a UTF-16 index); {@code from == to} when none is to be selected
     * @param to    where it ends
     */
    static void show(Window owner, String name, String value, int from, int to) {
        TextArea text = new TextArea(value);
        text.setId("whole-value-text");
        text.setEditable(false);
        text.setWrapText(true);
        text.setAccessibleText("The whole value of " + name + ", read-only");
        Label heading = new Label(String.format(Locale.ROOT, "%s: %,d characters%s", name, value.codePointCount(0, value.length()),
                from < to ? String.format(Locale.ROOT, "; the first difference, from character %,d, is selected", value.codePointCount(0, from) + 1) : ""));
        heading.setId("whole-value-heading");
        ReadingWindow.show(owner, name, heading, text);
        text.requestFocus();
        text.selectRange(from, to);
    }
}
