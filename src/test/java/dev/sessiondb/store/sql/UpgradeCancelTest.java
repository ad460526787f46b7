package dev.sessiondb.store.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessiondb.Fixtures;
import dev.sessiondb.job.ProgressTracker;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.job.upgrade.UpgradeJob;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.CancelledException;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLocator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/**
 * An upgrade asked to stop stops at the next schema version (each is committed on its own) and
 * says truthfully what it left: nothing changed, with its backup gone, or the store valid at the
 * version it reached, with the backup kept for undo and a later upgrade finishing it. The cancel
 * comes when the upgrade announces a version, so it lands at the same point every time.
 */
class UpgradeCancelTest {

    @TempDir
    Path dir;

    private StoreLocator locator;
    private BackupJournal journal;

    @BeforeEach
    void createVersionOneStore() throws SQLException {
        Path file = dir.resolve("v1.db");
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl("jdbc:sqlite:" + file);
        NativeSchema.migrate(dataSource, Dialect.SQLITE, null, "1");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO sessions (session_key, record) VALUES (?, ?)")) {
            for (SessionRecord record : Fixtures.minskyRecords()) {
                insert.setString(1, record.key());
                insert.setString(2, JsonCodec.compact(record.fields()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        locator = StoreLocator.parse("sqlite:" + file);
        journal = new BackupJournal(dir.resolve("journal"));
    }

    @Test
    void aCancelBeforeTheFirstVersionChangesNothingAndDropsItsBackup() throws Exception {
        byte[] before = Files.readAllBytes(locator.path());

        assertThatThrownBy(() -> new UpgradeJob(locator, journal).run(cancelledAt("upgrading the schema to version 2")))
                .isInstanceOf(CancelledException.class).hasMessage("cancelled; nothing was changed");

        assertThat(versionOf(locator)).isEqualTo("1");
        assertThat(Files.readAllBytes(locator.path())).isEqualTo(before);
        assertThat(journal.list()).isEmpty();
    }

    @Test
    void aCancelAfterAVersionLeavesTheStoreValidThereAndSaysHowToFinishOrUndo() {
        assertThatThrownBy(() -> new UpgradeJob(locator, journal).run(cancelledAt("upgrading the schema to version 3")))
                .isInstanceOf(CancelledException.class)
                .hasMessageStartingWith("cancelled after schema version 2: the store is valid at version 2; run sessiondb upgrade again"
                        + " to finish, or sessiondb undo " + journal.list().get(0).id() + " to put it back");
        assertThat(versionOf(locator)).isEqualTo("2");

        new UpgradeJob(locator, journal).run(ProgressMonitor.NONE);

        assertThat(versionOf(locator)).isEqualTo(NativeSchema.newest(Dialect.SQLITE));
        try (SessionStore store = StoreFactory.open(locator, OpenMode.EXISTING)) {
            for (SessionRecord expected : Fixtures.minskyRecords()) {
                assertThat(store.get(expected.key()).orElseThrow()).isEqualTo(expected);
            }
        }
    }

    /** A monitor cancelled from the moment the upgrade reports {@code phase}. */
    private static ProgressMonitor cancelledAt(String phase) {
        ProgressTracker tracker = new ProgressTracker();
        tracker.addListener(snapshot -> {
            if (snapshot.phase().equals(phase)) {
                tracker.cancel();
            }
        });
        return tracker;
    }

    private static String versionOf(StoreLocator locator) {
        try (SessionStore store = StoreFactory.open(locator, OpenMode.EXISTING)) {
            return store.info().schemaVersion();
        }
    }
}
