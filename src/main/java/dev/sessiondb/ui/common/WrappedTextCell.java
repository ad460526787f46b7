package dev.sessiondb.ui.common;

import javafx.application.Platform;

/**
 * A table cell whose text wraps at its column's width, its row as tall as all its lines: for a column whose sentence is the
 * point of the row (what a job will do with it), which "…" would cut; a long word breaks where a reader expects
 * ({@link BreakableText}). The whole text is in its tooltip too.
 */
public class WrappedTextCell<S> extends WholeTextCell<S> {

    public WrappedTextCell() {
        setWrapText(true);
        // a column made wider or narrower wraps the text again: measured anew after the layout that gave the width
        widthProperty().addListener((property, before, after) -> Platform.runLater(this::requestLayout));
    }

    @Override
    protected void updateItem(String text, boolean empty) {
        super.updateItem(text, empty);
        setText(empty ? null : BreakableText.shown(text));
        setAccessibleText(empty ? null : text);
    }

    /** The text as it is, without the breaks added to show it. */
    @Override
    protected String wholeText() {
        return getItem();
    }

    /** The text's height wrapped at its column's width: the row asks with no width, which a wrapped text answers with one line. */
    @Override
    protected double computePrefHeight(double width) {
        return super.computePrefHeight(width >= 0 || getTableColumn() == null ? width : getTableColumn().getWidth());
    }
}
