package dev.sessiondb.ui.common;

import java.util.ArrayList;
import java.util.List;

/**
 * What the app remembers between runs. Locators are kept without passwords.
 *
 * @param savedStores  stores the user added, in the order added
 * @param recentStores stores opened lately, newest first
 * @param theme        {@code light} or {@code dark}
 */
public record AppSettings(List<String> savedStores, List<String> recentStores, String theme,
                          double windowWidth, double windowHeight) {

    public static final int RECENT_LIMIT = 8;

    public AppSettings {
        savedStores = savedStores == null ? List.of() : List.copyOf(savedStores);
        recentStores = recentStores == null ? List.of() : List.copyOf(recentStores);
        theme = theme == null ? Theme.LIGHT.id() : theme;
        windowWidth = windowWidth > 0 ? windowWidth : 1280;
        windowHeight = windowHeight > 0 ? windowHeight : 800;
    }

    public static AppSettings defaults() {
        return new AppSettings(List.of(), List.of(), Theme.LIGHT.id(), 1280, 800);
    }

    public AppSettings withSavedStores(List<String> stores) {
        return new AppSettings(stores, recentStores, theme, windowWidth, windowHeight);
    }

    /** Moves the store to the front of the recent list, keeping the list short. */
    public AppSettings withRecent(String store) {
        List<String> recent = new ArrayList<>(recentStores);
        recent.remove(store);
        recent.add(0, store);
        return new AppSettings(savedStores, recent.subList(0, Math.min(RECENT_LIMIT, recent.size())), theme, windowWidth, windowHeight);
    }

    public AppSettings withTheme(Theme newTheme) {
        return new AppSettings(savedStores, recentStores, newTheme.id(), windowWidth, windowHeight);
    }

    public AppSettings withWindowSize(double width, double height) {
        return new AppSettings(savedStores, recentStores, theme, width, height);
    }
}
