package dev.sessiondb.store.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessiondb.Fixtures;
import dev.sessiondb.job.transfer.TargetLook;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreLocator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A JSON file named as a job's target, looked at: counted as cheaply as it can be, and refused as an open refuses it. */
class JsonFileLookTest {

    @TempDir
    Path folder;

    /** The look opened the file as a store whose pages are read: every key was kept and sorted (a 1M file's seconds and memory) for none. */
    @Test
    void aLookCountsTheFileWithoutIndexingItsKeys() {
        StoreLocator target = StoreLocator.of(StoreFormat.JSON, Fixtures.copy(Fixtures.MINSKY_ARRAY, folder));

        try (SessionStore looked = StoreFactory.openToLook(target)) {
            assertThat(looked.count()).isEqualTo(Fixtures.MINSKY_COUNT);
            assertThat(looked.looksUpByKey()).as("a key index was built").isFalse();
        }
        assertThat(TargetLook.of(target).describe()).isEqualTo("Exists and holds " + Fixtures.MINSKY_COUNT + " sessions of Minsky");
    }

    @Test
    void aCorruptFileIsRefusedNamingWhereNeverReadAsEmpty() throws IOException {
        Path corrupt = Files.writeString(folder.resolve("cut.json"), "[{\"session\": \"a\", \"repoName\": \"x\"}, {\"session\": \"b\"");

        assertThatThrownBy(() -> TargetLook.of(StoreLocator.of(StoreFormat.JSON, corrupt))).isInstanceOf(StoreException.class)
                .hasMessageContaining(corrupt.toString()).hasMessageContaining("line 1");
    }

    @Test
    void aFileHoldingASessionTwiceIsRefusedAsTheOpenRefusesIt() throws IOException {
        Path repeated = Files.writeString(folder.resolve("twice.json"), "[{\"session\": \"b\"}, {\"session\": \"a\"}, {\"session\": \"b\"}]");

        assertThatThrownBy(() -> TargetLook.of(StoreLocator.of(StoreFormat.JSON, repeated))).isInstanceOf(StoreException.class)
                .hasMessageContaining("record 1").hasMessageContaining("record 3");
    }
}
