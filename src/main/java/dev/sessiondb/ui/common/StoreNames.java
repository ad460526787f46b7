package dev.sessiondb.ui.common;

import dev.sessiondb.model.SecretMasker;
import dev.sessiondb.store.StoreLocator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
     * As {@link #shortName}, told apart from the others of {@code among} that share it (see {@link #distinctNames}): two
     * sources both called session-db.json must not read as one.
     */
    public static String distinctName(StoreLocator store, List<StoreLocator> among) {
        List<String> all = Stream.concat(Stream.of(store), among.stream()).map(StoreLocator::display).toList();
        return distinctNames(all).get(store.display());
    }

    /**
     * Each of {@code locators} (as the history records them) by its short name, with as many of its parent folders as it
     * takes to tell it from the others of the same short name, as editors name same-named tabs: /tmp/e/session-db.json and
     * /tmp/e/rodir/session-db.json read e/session-db.json and rodir/session-db.json. Server stores of one name, and files
     * no parent tells apart, are shown whole (password masked).
     */
    public static Map<String, String> distinctNames(Collection<String> locators) {
        Map<String, List<String>> byShortName = locators.stream().distinct()
                .collect(Collectors.groupingBy(StoreNames::shortName, LinkedHashMap::new, Collectors.toList()));
        Map<String, String> names = new HashMap<>();
        byShortName.forEach((name, same) -> same.forEach(locator -> names.put(locator, same.size() == 1 ? name : withParents(locator, same))));
        return names;
    }

    /**
     * A {@link #distinctName} of several folders kept to what tells it apart, its first folder, and its file name:
     * 2026-11/home/jo/.local/state/minsky/sessions.db reads 2026-11/…/sessions.db where only a short name fits (a picker).
     * A locator shown whole (a server store, a path no parent tells apart) stays whole.
     */
    public static String briefly(String distinctName) {
        String[] names = distinctName.split("/");
        boolean folders = !distinctName.startsWith("/") && !distinctName.contains(":") && names.length > 2;
        return folders ? names[0] + "/…/" + names[names.length - 1] : distinctName;
    }

    private static String withParents(String locator, List<String> sameName) {
        Optional<Path> path = absolutePath(locator);
        List<Path> others = sameName.stream().filter(other -> !other.equals(locator)).map(StoreNames::absolutePath).flatMap(Optional::stream).toList();
        for (int parents = 1; path.isPresent() && parents < path.get().getNameCount(); parents++) {
            String tail = tail(path.get(), parents);
            int depth = parents;
            if (others.stream().noneMatch(other -> tail(other, depth).equals(tail))) {
                return tail;
            }
        }
        return shown(locator);
    }

    private static Optional<Path> absolutePath(String locator) {
        try {
            return StoreLocator.parse(locator).localPath().map(Path::toAbsolutePath);
        } catch (RuntimeException unparseable) {
            return Optional.empty();
        }
    }

    /** The file name and its last {@code parents} folders. */
    private static String tail(Path path, int parents) {
        int names = path.getNameCount();
        return path.subpath(Math.max(0, names - parents - 1), names).toString();
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
        return route(sources, target, StoreNames::shortName);
    }

    /** As {@link #route(List, Optional)}, each store called by {@code name}. */
    public static String route(List<String> sources, Optional<String> target, Function<String, String> name) {
        List<String> names = new ArrayList<>(sources.stream().map(name).toList());
        return String.join(" + ", names) + target.map(store -> (names.isEmpty() ? "" : " → ") + name.apply(store)).orElse("");
    }
}
