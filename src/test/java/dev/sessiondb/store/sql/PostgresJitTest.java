package dev.sessiondb.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.StoreFactory;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL compiled each search of a store of chat sessions (its condition over the record's fields and messages) with
 * its JIT: 0.3-0.4 s of a search that takes 7-10 ms without. The store's connections run without it.
 */
class PostgresJitTest {

    @Test
    void aStoresConnectionsRunWithoutTheJit() {
        try (SqlSessionStore store = (SqlSessionStore) StoreFactory.open(TestPostgres.get().freshSchema(), OpenMode.CREATE_IF_MISSING)) {
            AtomicReference<String> jit = new AtomicReference<>();
            store.commitHeldWrite(connection -> {
                try (Statement statement = connection.createStatement(); ResultSet shown = statement.executeQuery("SHOW jit")) {
                    shown.next();
                    jit.set(shown.getString(1));
                }
                return null;
            });

            assertThat(jit.get()).isEqualTo("off");
        }
    }
}
