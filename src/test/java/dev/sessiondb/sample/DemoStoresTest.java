package dev.sessiondb.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoStoresTest {

    @TempDir
    Path directory;

    @Test
    void theDemoHasTwoMachinesStoresThatShareAndDisagree() {
        DemoStores demo = new DemoStores(directory.resolve("demo"));

        demo.create(ProgressMonitor.NONE);

        assertThat(demo.exists()).isTrue();
        assertThat(directory.resolve("demo.building")).doesNotExist();
        try (SessionStore workstation = StoreFactory.open(demo.workstation(), OpenMode.EXISTING);
             SessionStore laptop = StoreFactory.open(demo.laptop(), OpenMode.EXISTING)) {
            assertThat(workstation.count()).isEqualTo(DemoStores.SESSIONS);
            assertThat(laptop.count()).isEqualTo(DemoStores.SHARED + DemoStores.LAPTOP_ONLY);
            // a shared session every third of which moved on on the laptop: a conflict to settle
            long changed = DemoStores.SESSIONS - 3;
            SessionRecord here = workstation.get(SampleSessions.minskyRecord(changed, 2026).key()).orElseThrow();
            SessionRecord there = laptop.get(here.key()).orElseThrow();
            assertThat(there.lastActivityAt()).isNotEqualTo(here.lastActivityAt());
            SessionRecord same = workstation.get(SampleSessions.minskyRecord(changed + 1, 2026).key()).orElseThrow();
            assertThat(laptop.get(same.key())).isEqualTo(Optional.of(same));
            // workspaces live in the demo's own Minsky state folder; one folder has no record
            assertThat(here.repoPath()).contains(demo.minskyState().resolve("sessions").resolve(here.key()).toString());
            assertThat(Path.of(here.repoPath().orElseThrow())).isDirectory();
            assertThat(demo.minskyState().resolve("sessions").resolve(DemoStores.UNREGISTERED_WORKSPACE)).isDirectory();
            assertThat(workstation.get(DemoStores.UNREGISTERED_WORKSPACE)).isEmpty();
        }
    }

    @Test
    void theDemoCarriesTheDefectsRealStoresHave() throws Exception {
        DemoStores demo = new DemoStores(directory.resolve("demo"));
        demo.create(ProgressMonitor.NONE);

        try (SessionStore workstation = StoreFactory.open(demo.workstation(), OpenMode.EXISTING);
             var sessions = Files.list(demo.minskyState().resolve("sessions"))) {
            Set<String> taskIdForms = new HashSet<>();
            Set<String> repoNames = new HashSet<>();
            for (long index = 0; index < 200; index++) {
                SessionRecord record = workstation.get(SampleSessions.minskyRecord(index, 2026).key()).orElseThrow();
                record.taskId().ifPresent(id -> taskIdForms.add(id.replaceAll("[0-9]", "")));
                record.repoName().ifPresent(repoNames::add);
            }
            assertThat(taskIdForms).contains("#", "", "md#", "mt#");
            assertThat(repoNames).contains("local/minsky", "local-minsky", "github.com/edobry/minsky");
            // some workspaces are gone from disk, one is there without a record
            assertThat(sessions.count()).isLessThan(DemoStores.SESSIONS + DemoStores.LAPTOP_ONLY + 1);
        }
    }
}
