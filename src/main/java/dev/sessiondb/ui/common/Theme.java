package dev.sessiondb.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.Locale;
import javafx.application.Application;

/** The two looks of the app, AtlantaFX's Primer light and dark. */
public enum Theme {
    LIGHT(new PrimerLight().getUserAgentStylesheet()),
    DARK(new PrimerDark().getUserAgentStylesheet());

    private final String stylesheet;

    Theme(String stylesheet) {
        this.stylesheet = stylesheet;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Theme of(String id) {
        return "dark".equalsIgnoreCase(id) ? DARK : LIGHT;
    }

    public Theme other() {
        return this == LIGHT ? DARK : LIGHT;
    }

    public void apply() {
        Application.setUserAgentStylesheet(stylesheet);
    }
}
