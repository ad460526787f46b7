package dev.sessiondb.job.backup;

import dev.sessiondb.files.AtomicFiles;
import dev.sessiondb.files.FileTrees;
import dev.sessiondb.model.JsonCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The journal's backups on disk: a folder per backup, named by its id, whole once its manifest
 * ({@value BackupJournal#MANIFEST}) is written, listed, measured and deleted here.
 */
final class BackupFolders {

    private final Path dir;

    BackupFolders(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    /** The folder of backup {@code id}. */
    Path of(String id) {
        return dir.resolve(id);
    }

    /** Every complete backup, newest first. */
    List<Backup> complete() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Backup> all = new ArrayList<>();
        try (Stream<Path> folders = Files.list(dir)) {
            for (Path manifest : folders.map(folder -> folder.resolve(BackupJournal.MANIFEST)).filter(Files::isRegularFile).toList()) {
                all.add(Backup.fromJson(JsonCodec.parse(Files.readString(manifest))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("cannot read the backup journal " + dir + ": " + e.getMessage(), e));
        }
        all.sort(Comparator.comparing(Backup::createdAt).thenComparing(Backup::id).reversed());
        return all;
    }

    /** Every folder without its manifest, newest first; {@code mayBeRunning} tells whether a run id still holds its lock. */
    List<IncompleteBackup> incomplete(Predicate<String> mayBeRunning) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(dir)) {
            return folders.filter(Files::isDirectory).filter(folder -> !Files.exists(folder.resolve(BackupJournal.MANIFEST)))
                    .map(folder -> folder.getFileName().toString()).sorted(Comparator.reverseOrder())
                    .map(id -> new IncompleteBackup(id, size(id), mayBeRunning.test(RunIds.runIdOf(id)),
                            Files.exists(of(id).resolve(BackupJournal.PRUNING)))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("cannot read the backup journal " + dir + ": " + e.getMessage(), e));
        }
    }

    /** Whether backup {@code id} is on disk with its manifest, so undo can restore it. */
    boolean isWhole(String id) {
        return Files.isRegularFile(of(id).resolve(BackupJournal.MANIFEST));
    }

    /** The bytes a backup's folder takes; a file a running job deletes meanwhile (a cancelled copy, a write-ahead log) counts as nothing. */
    long size(String id) {
        long[] bytes = {0};
        try {
            Files.walkFileTree(of(id), new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    bytes[0] += attributes.isRegularFile() ? attributes.size() : 0;
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw e;
                }
            });
            return bytes[0];
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("cannot read the backup " + id + " (" + e.getMessage() + ")", e));
        }
    }

    /** Writes the backup's manifest, which makes it whole, or rewrites it (restored or not). */
    void save(Backup backup) {
        Path manifest = of(backup.id()).resolve(BackupJournal.MANIFEST);
        try {
            byte[] content = JsonCodec.pretty(backup.toJson()).getBytes(StandardCharsets.UTF_8);
            AtomicFiles.createOwnerOnlyDirectories(manifest.getParent());
            AtomicFiles.write(manifest, out -> out.write(content));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The manifest goes first, so a backup half deleted is not listed. */
    void delete(Backup backup, String todo) {
        Path folder = of(backup.id());
        try {
            Files.deleteIfExists(folder.resolve(BackupJournal.MANIFEST));
            FileTrees.delete(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("cannot delete the backup " + folder + " (" + e.getMessage() + ")" + todo, e));
        }
    }

    /** Backups hold whole records, tokens included: only their owner may read them. */
    void createOwnerOnly() throws IOException {
        AtomicFiles.createOwnerOnlyDirectories(dir);
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException notPosix) {
            // the platform's default access rules apply
        }
    }
}
