package dev.sessiondb.job.consolidate;

import dev.sessiondb.job.Advice;
import dev.sessiondb.model.SecretMasker;
import dev.sessiondb.store.MinskyBackend;
import dev.sessiondb.store.StoreLayout;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.StoreProviders;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The settings that point Minsky at one store, for the end of a consolidation report: the
 * environment variables and the {@code config.yaml} lines Minsky reads, as the store's provider
 * names them ({@link MinskyBackend}). A password is never printed: the URL shows {@link SecretMasker#MASK} in its place.
 */
public final class MinskySettings {

    private MinskySettings() {
    }

    /**
     * The settings for one store.
     *
     * @param lines  what to set, in every shell's words
     * @param advice when the store's layout is one Minsky cannot read: to write it in Minsky's layout instead
     */
    public record Settings(List<String> lines, Optional<Advice> advice) {

        public Settings {
            lines = List.copyOf(lines);
        }
    }

    public static Settings of(StoreLocator store, StoreLayout layout) {
        List<String> lines = new ArrayList<>();
        lines.add("To point Minsky at the consolidated store:");
        Optional<MinskyBackend> found = StoreProviders.of(store).minskyBackend(store);
        if (found.isEmpty()) {
            lines.add("  Minsky cannot read a " + store.format().scheme() + ": store; consolidate into json:, sqlite: or postgresql:// instead.");
        }
        found.ifPresent(backend -> {
            environment(lines, backend.name(), backend.variable() + "=" + backend.location());
            config(lines, backend.name(), "  " + backend.section() + ":", "    " + backend.key() + ": " + backend.location());
            backend.notes().forEach(note -> lines.add("  " + note));
        });
        lines.add("  Remove sessiondb settings from per-repository .minsky/config.yaml files that name another store,"
                + " so every workspace uses this one.");
        Optional<Advice> advice = found.filter(backend -> layout != StoreLayout.MINSKY && backend.readsOnlyMinskyLayout())
                .map(backend -> new Advice(Advice.Reason.MINSKY_READS_ONLY_ITS_LAYOUT,
                        "Minsky reads only its own layout and this store has the " + layout.id() + " layout",
                        "consolidate with --layout minsky (a dry run shows any field Minsky's layout cannot hold)."));
        return new Settings(lines, advice);
    }

    private static void environment(List<String> lines, String backend, String location) {
        lines.add("  environment:");
        lines.add("    export MINSKY_SESSIONDB_BACKEND=" + backend);
        lines.add("    export " + location);
    }

    private static void config(List<String> lines, String backend, String section, String location) {
        lines.add("  or in ~/.config/minsky/config.yaml:");
        lines.add("    sessiondb:");
        lines.add("      backend: " + backend);
        lines.add("    " + section);
        lines.add("    " + location);
    }
}
