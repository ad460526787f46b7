package dev.sessiondb.ui.common;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.MenuButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Enter in a field of an area presses the area's own default button (a wizard's Next, the Diff view's Compare): the views share
 * one window, so it is not the window's default button ({@link Button#setDefaultButton}). A focused button keeps Enter for
 * itself, and a field that acts on Enter (consuming it) keeps it too.
 */
public final class EnterPresses {

    private EnterPresses() {
    }

    public static void button(Node area, Button pressed) {
        area.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            boolean onAButton = event.getTarget() instanceof Button || event.getTarget() instanceof MenuButton;
            if (event.getCode() == KeyCode.ENTER && !event.isShortcutDown() && !event.isAltDown() && !onAButton && !pressed.isDisabled()) {
                event.consume();
                pressed.fire();
            }
        });
    }
}
