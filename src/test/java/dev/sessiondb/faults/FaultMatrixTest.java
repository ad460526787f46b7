package dev.sessiondb.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.Fixtures;
import dev.sessiondb.JavaProcess;
import dev.sessiondb.cli.CliRun;
import dev.sessiondb.cli.SessionDbCommand;
import dev.sessiondb.job.StoreContents;
import dev.sessiondb.job.StoreProbe;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.WriteBatch;
import dev.sessiondb.store.sql.TestPostgres;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Faults in the middle of migrate, consolidate and repair: the PostgreSQL connection ended
 * (pg_terminate_backend), every connection dropped as a restart does, the server really stopped
 * and started again on its data directory and port ({@link RestartablePostgres}), a SQLite file locked by
 * another process, a full disk, a read-only target folder, a backup folder that cannot be
 * written. Each ends in one line naming the job's stores, the fault, what became of the target
 * and what to do; sources stay byte-identical, the target untouched, the backup restorable,
 * and the same command completes once the fault is gone.
 *
 * <p>The README's test command runs {@link #SHORT}, one case of each fault; {@code mvn verify
 * -Pfault-matrix} runs every fault in every job it applies to.</p>
 */
class FaultMatrixTest {

    enum Fault { PG_TERMINATED, PG_RESTARTED, PG_SERVER_RESTARTED, PG_SOURCE_TERMINATED, SQLITE_LOCKED_TARGET, SQLITE_LOCKED_SOURCE, DISK_FULL, READ_ONLY_TARGET, BACKUP_UNWRITABLE }

    enum Command { MIGRATE, CONSOLIDATE, REPAIR }

    private static final Set<String> SHORT = Set.of("PG_TERMINATED MIGRATE", "PG_RESTARTED REPAIR", "PG_SERVER_RESTARTED MIGRATE", "PG_SOURCE_TERMINATED CONSOLIDATE",
            "SQLITE_LOCKED_TARGET CONSOLIDATE", "SQLITE_LOCKED_SOURCE MIGRATE", "DISK_FULL MIGRATE", "READ_ONLY_TARGET REPAIR",
            "BACKUP_UNWRITABLE CONSOLIDATE");

    private static final int SOURCE_RECORDS = 2000;

    @TempDir
    Path dir;

    @TempDir
    static Path serverFolder;

    /** Started by the first case that restarts a server; its own, as the suite's shared server must stay up. */
    private static RestartablePostgres restartable;

    private final Deque<AutoCloseable> cleanup = new ArrayDeque<>();

    @AfterEach
    void removeTheFaults() throws Exception {
        while (!cleanup.isEmpty()) {
            cleanup.pop().close();
        }
    }

    @AfterAll
    static void stopTheRestartableServer() throws IOException {
        if (restartable != null) {
            restartable.close();
            restartable = null;
        }
    }

    private static synchronized RestartablePostgres restartable() {
        if (restartable == null) {
            restartable = RestartablePostgres.create(serverFolder);
        }
        return restartable;
    }

    static Stream<Arguments> shortMatrix() {
        return matrix().filter(arguments -> SHORT.contains(arguments.get()[0] + " " + arguments.get()[1]));
    }

    static Stream<Arguments> fullMatrix() {
        return matrix().filter(arguments -> !SHORT.contains(arguments.get()[0] + " " + arguments.get()[1]));
    }

    /** Every fault in every job it applies to: a source fault cannot happen in repair, whose one store is its target. */
    private static Stream<Arguments> matrix() {
        return Stream.of(Fault.values()).flatMap(fault -> Stream.of(Command.values())
                .filter(command -> command != Command.REPAIR || (fault != Fault.SQLITE_LOCKED_SOURCE && fault != Fault.PG_SOURCE_TERMINATED))
                .map(command -> Arguments.of(fault, command)));
    }

    @ParameterizedTest(name = "{0} during {1}")
    @MethodSource("shortMatrix")
    void oneOfEachFault(Fault fault, Command command) throws Exception {
        inject(fault, command);
    }

    @Tag("fault-matrix")
    @ParameterizedTest(name = "{0} during {1}")
    @MethodSource("fullMatrix")
    void everyFaultInEveryJob(Fault fault, Command command) throws Exception {
        inject(fault, command);
    }

    /** The real command in its own JVM: the pool and the ORM must not print their stack traces around our one line. */
    @Test
    void aConnectionEndedUnderTheRealCommandPrintsOneLineAndNoStackTrace() throws Exception {
        Case job = prepare(Fault.PG_TERMINATED, Command.MIGRATE);
        Process process;
        String stderr;
        try (PgLock lock = PgLock.on(TestPostgres.get()::adminConnection, job.target, "EXCLUSIVE")) {
            // the shipped logging configuration, not the test class path's logback-test.xml
            process = JavaProcess.ofApp(job.args.toArray(String[]::new))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            lock.endBlockedConnections(false);
            stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        }
        assertThat(process.exitValue()).as(stderr).isEqualTo(2);
        assertThat(stderr.strip().lines().toList()).as(stderr).hasSize(1);
        assertThat(stderr).contains("connection to PostgreSQL was lost", "the target was not changed").doesNotContain("\tat ", "Exception");
    }

    private void inject(Fault fault, Command command) throws Exception {
        Case job = prepare(fault, command);
        Map<String, String> sourcesBefore = job.sourceChecksums();
        List<String> sourceRecordsBefore = job.pgSource == null ? List.of() : sorted(job.pgSource);
        Optional<List<String>> targetBefore = job.targetRecords();

        CliRun run = runWithFault(fault, job);

        System.out.println("fault " + fault + " during " + command + ": exit " + run.exitCode() + ": " + run.err().strip());
        assertThat(job.sourceChecksums()).as("sources byte for byte").isEqualTo(sourcesBefore);
        if (job.pgSource != null) {
            assertThat(sorted(job.pgSource)).as("the PostgreSQL source").isEqualTo(sourceRecordsBefore);
        }
        if (fault == Fault.SQLITE_LOCKED_SOURCE) {
            assertThat(run.exitCode()).as("a source being written by another program is still read (WAL): %s", run.err()).isZero();
            assertThat(job.targetRecords().orElseThrow().size()).isEqualTo(SOURCE_RECORDS + (command == Command.CONSOLIDATE ? Fixtures.MINSKY_COUNT : 0));
            return;
        }
        String error = run.err().strip();
        assertThat(run.exitCode()).as(error).isEqualTo(2);
        assertThat(error).as("one line").doesNotContain("\n").startsWith("sessiondb: ").doesNotContain("\tat ", "Exception");
        if (fault == Fault.BACKUP_UNWRITABLE) {
            // found before the job reads or writes anything
            assertThat(error).contains("cannot keep backups and job reports in " + job.journal, expectedFault(fault), "nothing was read or written");
        } else {
            assertThat(error).contains(job.target.display(), expectedFault(fault), command == Command.REPAIR ? "the store was not changed" : "the target was not changed");
        }
        assertThat(job.targetRecords()).as("the target after the fault").isEqualTo(targetBefore.filter(records -> !records.isEmpty()));

        job.heal.run();
        CliRun rerun = CliRun.of(job.args.toArray(String[]::new));
        // the fixture a repair fixes keeps findings only a person resolves (duplicates, missing workspaces): repair exits 1 for them, as validate does
        assertThat(rerun.exitCode()).as("the same command once the fault is gone: %s", rerun.err())
                .isEqualTo(command == Command.REPAIR ? SessionDbCommand.FOUND : SessionDbCommand.OK);
        assertThat(job.targetRecords()).isPresent();

        CliRun undo = CliRun.of("undo", "--backup-dir", job.journal.toString());
        assertThat(undo.exitCode()).as("undo after the re-run: %s", undo.err()).isZero();
        assertThat(job.targetRecords()).as("the target restored from its backup").isEqualTo(targetBefore.filter(records -> !records.isEmpty()));
    }

    private CliRun runWithFault(Fault fault, Case job) throws Exception {
        switch (fault) {
            case PG_SERVER_RESTARTED -> {
                try (PgLock lock = PgLock.on(restartable()::adminConnection, job.target, "EXCLUSIVE")) {
                    Thread restarter = new Thread(() -> {
                        lock.awaitBlockedConnections();
                        restartable().restart();
                    }, "pg-restarter");
                    restarter.start();
                    CliRun run = CliRun.of(job.args.toArray(String[]::new));
                    restarter.join(TimeUnit.MINUTES.toMillis(2));
                    return run;
                }
            }
            case PG_TERMINATED, PG_RESTARTED, PG_SOURCE_TERMINATED -> {
                StoreLocator locked = fault == Fault.PG_SOURCE_TERMINATED ? job.pgSource : job.target;
                try (PgLock lock = PgLock.on(TestPostgres.get()::adminConnection, locked, fault == Fault.PG_SOURCE_TERMINATED ? "ACCESS EXCLUSIVE" : "EXCLUSIVE")) {
                    Thread terminator = new Thread(() -> lock.endBlockedConnections(fault == Fault.PG_RESTARTED), "pg-terminator");
                    terminator.start();
                    CliRun run = CliRun.of(job.args.toArray(String[]::new));
                    terminator.join(TimeUnit.MINUTES.toMillis(2));
                    return run;
                }
            }
            case SQLITE_LOCKED_TARGET, SQLITE_LOCKED_SOURCE -> {
                Path file = fault == Fault.SQLITE_LOCKED_SOURCE ? job.sqliteSource : job.target.path();
                Process holder = JavaProcess.of(SqliteWriteLock.class, file.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
                try {
                    assertThat(new String(holder.getInputStream().readNBytes(6), StandardCharsets.UTF_8)).isEqualTo("locked");
                    return CliRun.of(job.args.toArray(String[]::new));
                } finally {
                    holder.getOutputStream().close();
                    if (!holder.waitFor(1, TimeUnit.MINUTES)) {
                        holder.destroyForcibly();
                    }
                }
            }
            default -> {
                return CliRun.of(job.args.toArray(String[]::new));
            }
        }
    }

    private static String expectedFault(Fault fault) {
        return switch (fault) {
            case PG_TERMINATED, PG_RESTARTED, PG_SERVER_RESTARTED, PG_SOURCE_TERMINATED -> "the connection to PostgreSQL was lost";
            case SQLITE_LOCKED_TARGET, SQLITE_LOCKED_SOURCE -> "locked by another program";
            case DISK_FULL -> "the disk is full";
            case READ_ONLY_TARGET, BACKUP_UNWRITABLE -> "read-only file system";
        };
    }

    /** One job ready to run, its stores, and how to remove its fault. */
    private static final class Case {
        StoreLocator target;
        Path journal;
        final List<Path> sourceFiles = new ArrayList<>();
        StoreLocator pgSource;
        Path sqliteSource;
        List<String> args;
        Runnable heal = () -> { };

        Map<String, String> sourceChecksums() {
            Map<String, String> sums = new TreeMap<>();
            sourceFiles.forEach(file -> sums.put(file.toString(), FolderChecksums.of(file).get("")));
            return sums;
        }

        /** The target's records sorted, or empty when there is no target (no file, or a server schema without records). */
        Optional<List<String>> targetRecords() {
            if (target.format() == StoreFormat.POSTGRESQL ? !StoreProbe.exists(target) : !Files.exists(target.path())) {
                return Optional.empty();
            }
            List<String> records = sorted(target);
            return records.isEmpty() && target.format() == StoreFormat.POSTGRESQL ? Optional.empty() : Optional.of(records);
        }
    }

    private Case prepare(Fault fault, Command command) throws IOException {
        Case job = new Case();
        job.journal = dir.resolve("journal");
        Path folder = Files.createDirectories(dir.resolve("stores"));
        boolean existingTarget = true;
        switch (fault) {
            case PG_TERMINATED, PG_RESTARTED -> job.target = fill(TestPostgres.get().freshSchema(), command);
            case PG_SERVER_RESTARTED -> job.target = fill(restartable().freshSchema(), command);
            case SQLITE_LOCKED_TARGET, BACKUP_UNWRITABLE -> job.target = fill(StoreLocator.of(StoreFormat.SQLITE, folder.resolve("target.db")), command);
            case DISK_FULL, READ_ONLY_TARGET -> {
                TmpfsMount mount = mount(folder.resolve("mounted"), 8192);
                job.target = command == Command.REPAIR ? fill(StoreLocator.of(StoreFormat.JSON, mount.folder().resolve("session-db.json")), command)
                        : StoreLocator.of(StoreFormat.SQLITE, mount.folder().resolve("target.db"));
                existingTarget = command == Command.REPAIR;
                if (fault == Fault.DISK_FULL) {
                    Path filler = mount.folder().resolve("filler");
                    fillUp(filler);
                    job.heal = () -> delete(filler);
                } else {
                    mount.readOnly();
                    job.heal = mount::writable;
                }
            }
            default -> {
                job.target = StoreLocator.of(StoreFormat.SQLITE, folder.resolve("target.db"));
                existingTarget = false;
            }
        }
        if (fault == Fault.BACKUP_UNWRITABLE) {
            TmpfsMount backups = mount(dir.resolve("journal-mount"), 8192);
            job.journal = backups.folder();
            backups.readOnly();
            job.heal = backups::writable;
        }
        String source = switch (fault) {
            case PG_SOURCE_TERMINATED -> (job.pgSource = sample(TestPostgres.get().freshSchema())).display();
            case SQLITE_LOCKED_SOURCE -> {
                job.sqliteSource = dir.resolve("source.db");
                job.sourceFiles.add(job.sqliteSource);
                yield sample(StoreLocator.of(StoreFormat.SQLITE, job.sqliteSource)).display();
            }
            default -> {
                Path json = dir.resolve("source.json");
                job.sourceFiles.add(json);
                yield sample(StoreLocator.of(StoreFormat.JSON, json)).display();
            }
        };
        job.args = switch (command) {
            case MIGRATE -> new ArrayList<>(List.of("migrate", source, job.target.display()));
            case CONSOLIDATE -> {
                Path fixture = Fixtures.copy(Fixtures.MINSKY_ARRAY, Files.createDirectories(dir.resolve("fixture")));
                job.sourceFiles.add(fixture);
                yield new ArrayList<>(List.of("consolidate", source, fixture.toString(), "--into", job.target.display()));
            }
            case REPAIR -> new ArrayList<>(List.of("repair", job.target.display()));
        };
        job.args.addAll(List.of("--backup-dir", job.journal.toString()));
        if (existingTarget && command != Command.REPAIR) {
            job.args.addAll(List.of("--mode", "replace"));
        }
        return job;
    }

    /** An existing target: ten sample sessions for a migration or consolidation to replace, the real fixture for repair to fix. */
    private static StoreLocator fill(StoreLocator target, Command command) {
        return command == Command.REPAIR ? StoreContents.create(target.display(), Fixtures.minskyRecords()) : sample(target, 10, 99);
    }

    private static StoreLocator sample(StoreLocator locator) {
        return sample(locator, SOURCE_RECORDS, 11);
    }

    private static StoreLocator sample(StoreLocator locator, int count, long seed) {
        try (SessionStore store = StoreFactory.open(locator, OpenMode.CREATE_IF_MISSING)) {
            store.write(WriteBatch.replaceAll(SampleSessions.minsky(count, seed), count), ProgressMonitor.NONE);
        }
        return locator;
    }

    private TmpfsMount mount(Path folder, int kilobytes) {
        TmpfsMount mount = TmpfsMount.of(folder, kilobytes);
        cleanup.push(mount);
        return mount;
    }

    private static List<String> sorted(StoreLocator locator) {
        return StoreContents.canonical(StoreContents.records(locator)).stream().sorted().toList();
    }

    /** Writes until the file system says it is full. */
    private static void fillUp(Path filler) throws IOException {
        byte[] block = new byte[1 << 16];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            if (!String.valueOf(full.getMessage()).contains("No space left")) {
                throw full;
            }
        }
    }

    private static void delete(Path file) {
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
