package dev.sessiondb.store.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessiondb.job.backup.Backup;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.job.backup.RunIds;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.StoreProviders;
import dev.sessiondb.ui.TestStores;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A backend added as one package (ADR 0010): its format and snapshot kind come from its provider, and locators, backups and undo carry them. */
class PluggedBackendTest {

    @TempDir
    Path directory;

    @Test
    void theProvidersSchemeIsAFormatLocatorsAndManifestsParse() {
        Path file = directory.resolve("sessions.json");

        assertThat(StoreLocator.parse("archive:" + file).format()).isSameAs(ArchiveProvider.FORMAT);
        assertThat(StoreProviders.format("ARCHIVE")).isSameAs(ArchiveProvider.FORMAT);
        assertThat(StoreProviders.format("sqlite")).isSameAs(StoreFormat.SQLITE);
        assertThat(StoreProviders.formats()).contains(ArchiveProvider.FORMAT, StoreFormat.JSON, StoreFormat.POSTGRESQL);
        assertThatThrownBy(() -> StoreProviders.format("mysql")).isInstanceOf(StoreException.class)
                .hasMessageStartingWith("unknown store format 'mysql'; this build knows ").hasMessageContaining("archive");
    }

    @Test
    void itsStoresAreBackedUpWithItsOwnSnapshotKindAndUndoneByIt() throws Exception {
        Path file = Files.copy(TestStores.fixtureCopy(directory), directory.resolve("archived.json"));
        StoreLocator archive = StoreLocator.parse("archive:" + file);
        byte[] before = Files.readAllBytes(file);
        BackupJournal journal = new BackupJournal(directory.resolve("journal"));

        Backup backup = journal.backUp(RunIds.newRunId("test"), archive, "test archive:" + file, ProgressMonitor.NONE);
        Files.writeString(file, "[]");
        Backup readBack = journal.require(backup.id());
        journal.restore(readBack, ProgressMonitor.NONE);

        assertThat(readBack.format()).isSameAs(ArchiveProvider.FORMAT);
        assertThat(readBack.kind()).isEqualTo(Backup.Kind.of(ArchiveProvider.SEALED));
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        try (SessionStore store = StoreFactory.open(archive, OpenMode.EXISTING)) {
            assertThat(store.count()).isEqualTo(217);
        }
    }
}
