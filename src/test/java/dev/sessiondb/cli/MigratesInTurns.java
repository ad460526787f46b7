package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Migrates into a target once per mode, from the Minsky fixture and a copy with one record edited in turn, each run taking
 * a backup: a replace with the records the target holds as they are writes nothing and takes none. For tests of undo and
 * its backups.
 */
public final class MigratesInTurns {

    private MigratesInTurns() {
    }

    /** @param dir a folder of the test's own, where the two sources are put in folders of their own */
    public static void run(Path dir, String target, String journal, String... modes) {
        try {
            Path edited = Fixtures.copy(Fixtures.MINSKY_ARRAY, Files.createDirectories(dir.resolve("edited")));
            Files.writeString(edited, Files.readString(edited).replaceFirst("\"branch\": \"task#002\"", "\"branch\": \"edited\""));
            List<String> sources = List.of(Fixtures.copy(Fixtures.MINSKY_ARRAY, Files.createDirectories(dir.resolve("fixture"))).toString(), edited.toString());
            for (int run = 0; run < modes.length; run++) {
                CliRun migrate = CliRun.of("migrate", sources.get(run % 2), target, "--mode", modes[run], "--backup-dir", journal);
                assertThat(migrate.exitCode()).as(migrate.err()).isZero();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
