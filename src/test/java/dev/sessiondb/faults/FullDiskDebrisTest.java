package dev.sessiondb.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.sessiondb.catalog.Catalog;
import dev.sessiondb.catalog.CatalogException;
import dev.sessiondb.catalog.CatalogRecorder;
import dev.sessiondb.cli.CliRun;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.WriteBatch;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An audit's full disks: a new SQLite target's write, its index build and a catalog made on a full disk each say
 * "the disk is full at FOLDER" (not SQLite's rollback errors, not the source's name) and leave nothing behind.
 */
class FullDiskDebrisTest {

    @TempDir
    Path dir;

    private TmpfsMount mount;

    @AfterEach
    void unmount() {
        if (mount != null) {
            mount.close();
        }
    }

    @Test
    void aCatalogThatCannotBeMadeOnAFullDiskLeavesNoEmptyFileForTheNextRun() throws IOException {
        mount = TmpfsMount.of(dir.resolve("full"), 64);
        fill(mount.folder(), 0);

        Throwable failure = catchThrowable(() -> Catalog.open(mount.folder()));

        assertThat(failure).isInstanceOf(CatalogException.class).hasMessageContaining("the disk is full at " + mount.folder() + " (the catalog ");
        assertThat(mount.folder().resolve(Catalog.FILE_NAME)).doesNotExist();
    }

    /** A job's history on a full disk is told in the catalog's one wording of it, once, with the job unaffected. */
    @Test
    void aJobsHistoryOnAFullDiskIsToldOnceInTheCatalogsWording() throws IOException {
        mount = TmpfsMount.of(dir.resolve("full"), 64);
        fill(mount.folder(), 0);
        List<String> warnings = new ArrayList<>();
        CatalogRecorder recorder = new CatalogRecorder(mount.folder(), warnings::add);

        recorder.started("run-1", "migrate a -> b", List.of("json:a"), "sqlite:b");
        recorder.started("run-2", "migrate a -> c", List.of("json:a"), "sqlite:c");

        String catalogSays = catchThrowable(() -> Catalog.open(mount.folder())).getMessage();
        assertThat(warnings).containsExactly("warning: the job history was not recorded: " + catalogSays + "; the job itself is unaffected");
        assertThat(catalogSays).startsWith("the disk is full at " + mount.folder() + " (the catalog ").doesNotContain("move it aside");
    }

    /** Free room from too little for the rows to too little for the indexes: every such run names the folder and leaves no staging file. */
    @Test
    void aNewSqliteTargetOnAFullDiskSaysSoNamingItsFolderAndLeavesNoStagingFile() throws IOException {
        Path source = dir.resolve("source.db");
        try (SessionStore store = StoreFactory.open(StoreLocator.of(StoreFormat.SQLITE, source), OpenMode.CREATE_IF_MISSING)) {
            store.write(WriteBatch.replaceAll(SampleSessions.minsky(400, 3), 400), ProgressMonitor.NONE);
        }
        mount = TmpfsMount.of(dir.resolve("full"), 1024);
        Path backups = dir.resolve("backups");
        for (int freeKilobytes : new int[] {8, 120, 240, 360, 480}) {
            fill(mount.folder(), freeKilobytes);
            Path target = mount.folder().resolve("target.db");

            CliRun run = CliRun.of("migrate", source.toString(), target.toString(), "--backup-dir", backups.toString());

            if (run.exitCode() == 0) {
                break; // room enough from here on
            }
            assertThat(run.err()).as("%d KB free", freeKilobytes).contains("the disk is full at " + mount.folder() + ";")
                    .doesNotContain("no transaction is active").doesNotContain("damaged");
            try (Stream<Path> left = Files.list(mount.folder())) {
                assertThat(left.map(path -> path.getFileName().toString())).as("%d KB free", freeKilobytes).containsExactly("filler");
            }
        }
    }

    /** Fills the disk but {@code freeKilobytes}, replacing an earlier filler. */
    private static void fill(Path folder, int freeKilobytes) throws IOException {
        Path filler = folder.resolve("filler");
        Files.deleteIfExists(filler);
        byte[] block = new byte[1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (Files.getFileStore(folder).getUsableSpace() > freeKilobytes * 1024L) {
                out.write(block);
                out.flush();
            }
        } catch (IOException full) {
            if (freeKilobytes > 0 || !String.valueOf(full.getMessage()).contains("No space left")) {
                throw full;
            }
        }
    }
}
