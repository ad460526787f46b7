package dev.sessiondb.ui;

import javafx.geometry.Rectangle2D;

/**
 * Where the window opens: the size asked for (the default, or the size remembered on another
 * monitor) shrunk to the usable area of the screen (without its panels and docks), centred on it,
 * so the title bar and both sides of the window are on screen.
 */
final class WindowPlacement {

    private WindowPlacement() {
    }

    static Rectangle2D fit(double width, double height, Rectangle2D usable) {
        double fittedWidth = Math.min(width, usable.getWidth());
        double fittedHeight = Math.min(height, usable.getHeight());
        return new Rectangle2D(usable.getMinX() + (usable.getWidth() - fittedWidth) / 2,
                usable.getMinY() + (usable.getHeight() - fittedHeight) / 2, fittedWidth, fittedHeight);
    }
}
