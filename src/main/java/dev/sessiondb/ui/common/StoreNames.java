package dev.sessiondb.ui.common;

import dev.sessiondb.model.SecretMasker;
import dev.sessiondb.store.StoreLocator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableStringValue;

/** Short names for stores where a whole locator does not fit (job titles, the Undo button), and typed locators as shown elsewhere. */
public final class StoreNames {

    private StoreNames() {
    }

    /** The file or directory name, or the database name of a PostgreSQL store (never its password). */
    public static String shortName(StoreLocator store) {
        return store.shortName();
    }

    /**
     * As {@link #shortName}, with the folder it is in when another of {@code among} has the same
     * short name: two sources both called session-db.json must not read as one.
     */
    public static String distinctName(StoreLocator store, List<StoreLocator> among) {
        String name = shortName(store);
        boolean shared = among.stream().filter(other -> !other.equals(store)).anyMatch(other -> shortName(other).equals(name));
        Path parent = store.localPath().map(path -> path.toAbsolutePath().getParent()).orElse(null);
        return !shared || parent == null || parent.getFileName() == null ? name : parent.getFileName() + "/" + name;
    }

    /** As {@link #shortName}, for a locator as the history records it; one that no longer parses is shown whole, its password masked. */
    public static String shortName(String locator) {
        try {
            return shortName(StoreLocator.parse(locator));
        } catch (RuntimeException unparseable) {
            return shown(locator);
        }
    }

    /**
     * A locator as the user typed it, as the window shows it anywhere but the field it is typed in ("Writes to: ...", a list
     * of sources): every password masked, in the URL or as a parameter. Parsing is no option: what is typed may not parse yet.
     */
    public static String shown(String typed) {
        return typed == null ? null : SecretMasker.maskText(null, typed);
    }

    /** {@link #shown} following what is typed. */
    public static StringBinding shown(ObservableStringValue typed) {
        return Bindings.createStringBinding(() -> shown(typed.get()), typed);
    }

    /** Where a job went, "a.json + b.json → c.db", or only the target for a job that read no other store. */
    public static String route(List<String> sources, Optional<String> target) {
        List<String> names = new ArrayList<>(sources.stream().map(StoreNames::shortName).toList());
        return String.join(" + ", names) + target.map(store -> (names.isEmpty() ? "" : " → ") + shortName(store)).orElse("");
    }
}
