package dev.sessiondb.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.ui.TestStores;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoreNamesTest {

    @Test
    void twoStoresOfOneNameAreToldApartByTheirFolders() {
        StoreLocator laptop = StoreLocator.parse("json:/home/me/laptop/session-db.json");
        StoreLocator desktop = StoreLocator.parse("json:/home/me/desktop/session-db.json");
        StoreLocator other = StoreLocator.parse("sqlite:/home/me/sessions.db");
        List<StoreLocator> sources = List.of(laptop, desktop, other);

        assertThat(StoreNames.distinctName(laptop, sources)).isEqualTo("laptop/session-db.json");
        assertThat(StoreNames.distinctName(desktop, sources)).isEqualTo("desktop/session-db.json");
        assertThat(StoreNames.distinctName(other, sources)).as("a name of its own stays short").isEqualTo("sessions.db");
        assertThat(StoreNames.distinctName(StoreLocator.parse("postgresql://me:secret@db/sessions"), sources)).isEqualTo("sessions");
    }

    /** An audit read "repair session-db.json" of /tmp/e/rodir/session-db.json in the History as the repair of /tmp/e/session-db.json. */
    @Test
    void storesOfOneNameAreCalledByTheShortestParentPathThatTellsThemApart() {
        Map<String, String> names = StoreNames.distinctNames(List.of("json:/tmp/e/session-db.json", "json:/tmp/e/rodir/session-db.json",
                "json:/home/a/x/session-db.json", "json:/home/b/x/session-db.json", "sqlite:/tmp/e/sessions.db", "json:/tmp/e/session-db.json",
                "postgresql://u@h1/sess?schema=a", "postgresql://u@h2/sess?schema=a"));

        assertThat(names).containsEntry("json:/tmp/e/session-db.json", "e/session-db.json")
                .containsEntry("json:/tmp/e/rodir/session-db.json", "rodir/session-db.json")
                .containsEntry("json:/home/a/x/session-db.json", "a/x/session-db.json")
                .containsEntry("json:/home/b/x/session-db.json", "b/x/session-db.json")
                .containsEntry("sqlite:/tmp/e/sessions.db", "sessions.db")
                .containsEntry("postgresql://u@h1/sess?schema=a", "postgresql://u@h1/sess?schema=a");
    }

    /** A typed locator shown outside its field (the consolidate wizard's sources), or a recorded one that no longer parses, keeps no password. */
    @Test
    void aTypedOrUnparseableLocatorIsShownWithItsPasswordMasked() {
        for (String typed : TestStores.TYPED_WITH_PASSWORDS) {
            TestStores.assertShownMasked(typed, StoreNames.shown(typed));
        }
        assertThat(StoreNames.shortName("postgresql://audit_rw:rw:p@ss/w?rd@127.0.0.1:55434/db"))
                .isEqualTo("postgresql://audit_rw:****@127.0.0.1:55434/db");
        assertThat(StoreNames.shortName("mysql://root:hunter2@db/x")).isEqualTo("mysql://root:****@db/x");
    }

    /** Consolidate's version pickers ended in "…" for a store and a backup of its home folder: their names are kept to what tells them apart. */
    @Test
    void aLongNameIsKeptToWhatTellsItApartAndItsFile() {
        assertThat(StoreNames.briefly("2026-11/home/jo/.local/state/minsky/sessions.db")).isEqualTo("2026-11/…/sessions.db");
        assertThat(StoreNames.briefly("laptop/session-db.json")).as("short already").isEqualTo("laptop/session-db.json");
        assertThat(StoreNames.briefly("/home/jo/sessions.db")).as("a path shown whole").isEqualTo("/home/jo/sessions.db");
        assertThat(StoreNames.briefly("json:/tmp/e/x/session-db.json")).as("a locator shown whole").isEqualTo("json:/tmp/e/x/session-db.json");
        assertThat(StoreNames.briefly("postgresql://u@h1/sess?schema=a")).as("a server store shown whole").isEqualTo("postgresql://u@h1/sess?schema=a");
    }
}
