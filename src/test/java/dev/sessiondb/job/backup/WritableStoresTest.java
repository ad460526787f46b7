package dev.sessiondb.job.backup;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessiondb.job.JobRefusedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files a write may replace are asked for their owner's write permission before the backup: a SQLite store's side
 * files too (as root SQLite itself may remove a read-only -wal on open, so the job's own tests cannot keep one there).
 */
class WritableStoresTest {

    @TempDir
    Path dir;

    @Test
    void aSqliteStoreWithAReadOnlyWalFileIsRefusedNamingIt() throws IOException {
        Path store = Files.writeString(dir.resolve("w.db"), "");
        Path wal = Files.writeString(dir.resolve("w.db-wal"), "");
        Files.setPosixFilePermissions(wal, PosixFilePermissions.fromString("r--r--r--"));

        assertThatThrownBy(() -> WritableStores.requireOwnerWritable(store)).isInstanceOf(JobRefusedException.class)
                .hasMessage(wal + " is read-only (its owner may not write it); nothing was changed; make it writable (chmod u+w " + wal
                        + ") to let sessiondb change the store " + store);
    }

    @Test
    void aReadOnlyFileBesideAFolderStoresSessionFilesIsNoneOfItsOwn() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("folder"));
        Files.writeString(folder.resolve("a.json"), "{}");
        Path readme = Files.writeString(folder.resolve("README.md"), "kept");
        Files.setPosixFilePermissions(readme, PosixFilePermissions.fromString("r--r--r--"));

        assertThatCode(() -> WritableStores.requireOwnerWritable(folder)).doesNotThrowAnyException();
    }
}
