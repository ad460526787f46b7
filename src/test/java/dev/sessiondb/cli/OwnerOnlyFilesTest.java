package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.Fixtures;
import dev.sessiondb.files.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stores, backups and reports the app creates hold whole records, tokens included: only their owner may read them. */
class OwnerOnlyFilesTest {

    @TempDir
    Path dir;

    @Test
    void newStoresBackupsAndReportsAreOwnerOnly() throws IOException {
        Path fixture = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);
        String journal = dir.resolve("app-data/journal").toString();
        Path out = dir.resolve("out");

        for (String target : List.of("json:" + out.resolve("new/s.json"), "sqlite:" + out.resolve("new/s.db"), "jsondir:" + out.resolve("new/sessions"))) {
            CliRun created = CliRun.of("migrate", fixture.toString(), target, "--backup-dir", journal);
            assertThat(created.exitCode()).as(created.err()).isZero();
            CliRun merged = CliRun.of("migrate", fixture.toString(), target, "--mode", "replace", "--backup-dir", journal);
            assertThat(merged.exitCode()).as(merged.err()).isZero();
        }
        CliRun sample = CliRun.of("sample", "sqlite:" + out.resolve("sample.db"), "--count", "5");
        assertThat(sample.exitCode()).as(sample.err()).isZero();

        assertOwnerOnly(out.resolve("new"));
        assertOwnerOnly(out.resolve("sample.db"));
        assertOwnerOnly(Path.of(journal));
        assertThat(Path.of(journal, "reports")).isDirectory();
        assertThat(Path.of(journal, "backups")).isDirectory();
        assertThat(permissions(dir.resolve("app-data"))).as("a missing parent the app creates").isEqualTo("rwx------");
    }

    @Test
    void replacingAnExistingFileKeepsItsPermissions() throws IOException {
        Path shared = Files.writeString(dir.resolve("shared.json"), "[]");
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw-r-----"));

        AtomicFiles.write(shared, stream -> stream.write("[ ]".getBytes(StandardCharsets.UTF_8)));

        assertThat(permissions(shared)).isEqualTo("rw-r-----");
    }

    private static void assertOwnerOnly(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.toList()) {
                assertThat(permissions(path)).as(path.toString()).isEqualTo(Files.isDirectory(path) ? "rwx------" : "rw-------");
            }
        }
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
