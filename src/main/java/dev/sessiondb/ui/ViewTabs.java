package dev.sessiondb.ui;

import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * The window's views as tabs whose titles all stay in view: where the row is too narrow for them at the theme's spacing
 * (a small screen, the detail pane beside the tabs), the tabs take the theme's dense spacing rather than hide the last
 * ones behind the row's overflow menu.
 */
final class ViewTabs extends TabPane {

    /** AtlantaFX's style class for tighter tab headers. */
    static final String DENSE = "dense";

    /** The width the tab row needed at the theme's spacing when it went dense; it goes back once the row is that wide. */
    private double spacedWidth;

    ViewTabs() {
        // a tab shown or closed changes what the row needs: measured again at the theme's spacing
        getTabs().addListener((ListChangeListener<Tab>) change -> getStyleClass().remove(DENSE));
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        Node row = getChildrenUnmodifiable().stream().filter(child -> child.getStyleClass().contains("tab-header-area")).findFirst().orElse(null);
        if (row == null) {
            return;
        }
        boolean dense = getStyleClass().contains(DENSE);
        if (!dense && row.prefWidth(-1) > getWidth()) {
            spacedWidth = row.prefWidth(-1);
            getStyleClass().add(DENSE);
        } else if (dense && getWidth() >= spacedWidth) {
            getStyleClass().remove(DENSE);
        }
    }
}
