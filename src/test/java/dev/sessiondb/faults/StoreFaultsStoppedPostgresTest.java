package dev.sessiondb.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.sessiondb.model.SessionQuery;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreFaults;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.WriteBatch;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit's server stopped under an open store (pg_ctl stop): a read and an edit say so in the product's words, as the CLI prints them. */
class StoreFaultsStoppedPostgresTest {

    @TempDir
    Path folder;

    @Test
    void readsAndEditsOfAStoreWhoseServerStoppedSayItCannotBeReached() throws Exception {
        StoreLocator locator;
        SessionStore store;
        SessionRecord first;
        try (RestartablePostgres server = RestartablePostgres.create(folder)) {
            locator = server.freshSchema();
            store = StoreFactory.open(locator, OpenMode.CREATE_IF_MISSING);
            store.write(WriteBatch.replaceAll(SampleSessions.minsky(3, 7), 3), ProgressMonitor.NONE);
            first = store.pageRecords(SessionQuery.all().page(0, 1)).get(0);
        }
        try (store) {
            Throwable read = catchThrowable(store::count);
            Throwable edit = catchThrowable(() -> store.writeIfUnchanged(first.key(), Optional.of(first), Optional.of(first)));
            // a page is read without a transaction, on a connection taken from the pool itself
            Throwable page = catchThrowable(() -> store.page(SessionQuery.all()));

            for (Throwable failure : new Throwable[] {read, edit, page}) {
                // the first statement may still meet the connection the server ended; once it is gone, none can be had
                assertThat(failure).isInstanceOf(StoreException.class).hasMessageStartingWith(locator.display() + ": ")
                        .message().containsAnyOf("cannot reach PostgreSQL at localhost:", "the connection to PostgreSQL was lost")
                        .containsPattern("; check that the server (runs|is up)");
                assertThat(failure).hasMessageNotContaining("SQLTransientConnectionException")
                        .hasMessageNotContaining("Connection is not available");
                assertThat(StoreFaults.describe(failure)).isEqualTo(failure.getMessage());
            }
            // each connection the pool (at most 4) still held may fail once as lost; after them, none can be had
            Throwable later = edit;
            for (int attempt = 0; attempt < 5 && !later.getMessage().contains(": cannot reach PostgreSQL at localhost:"); attempt++) {
                later = catchThrowable(() -> store.writeIfUnchanged(first.key(), Optional.of(first), Optional.of(first)));
                assertThat(later).isInstanceOf(StoreException.class).hasMessageStartingWith(locator.display() + ": ");
            }
            assertThat(later).hasMessageContaining(": cannot reach PostgreSQL at localhost:");
        }
    }
}
