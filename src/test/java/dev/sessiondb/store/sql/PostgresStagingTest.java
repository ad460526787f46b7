package dev.sessiondb.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StagedStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.StoreProviders;
import dev.sessiondb.store.WriteBatch;
import org.junit.jupiter.api.Test;

/** A staged PostgreSQL store keeps its records out of sight until the commit, so a job may still decide against it. */
class PostgresStagingTest {

    @Test
    void stagedRecordsAppearOnlyAtTheCommit() throws Exception {
        StoreLocator locator = TestPostgres.get().freshSchema();
        try (StagedStore staged = StoreProviders.of(locator).stage(locator)) {
            // a small upsert takes row locks only, so another client can look (a large batch also holds the table until the commit)
            staged.store().write(WriteBatch.upsert(SampleSessions.minsky(50, 3), 50), ProgressMonitor.NONE);
            assertThat(countSeenByAnotherClient(locator)).isZero();

            staged.commit();
        }
        assertThat(countSeenByAnotherClient(locator)).isEqualTo(50);
    }

    @Test
    void aStagedStoreClosedWithoutTheCommitLeavesNoStore() throws Exception {
        StoreLocator locator = TestPostgres.get().freshSchema();
        try (StagedStore staged = StoreProviders.of(locator).stage(locator)) {
            staged.store().write(WriteBatch.replaceAll(SampleSessions.minsky(50, 3), 50), ProgressMonitor.NONE);
        }
        assertThat(StoreProviders.of(locator).exists(locator)).as("no records, nor the empty tables made for them").isFalse();
    }

    private static long countSeenByAnotherClient(StoreLocator locator) {
        try (SessionStore store = StoreFactory.open(locator, OpenMode.EXISTING)) {
            return store.count();
        }
    }
}
