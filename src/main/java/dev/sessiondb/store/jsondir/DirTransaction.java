package dev.sessiondb.store.jsondir;

import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.files.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * All-or-nothing changes to a directory of session files, also under kill -9. New files are
 * staged in {@code .sessiondb-txn/}; a commit marker listing the files to delete is written
 * atomically; only then are the staged files moved in and the others deleted. A transaction
 * found on open is rolled forward when its marker exists and discarded otherwise; rolling
 * forward twice is harmless.
 */
final class DirTransaction {

    static final String DIRECTORY = ".sessiondb-txn";
    private static final String COMMIT_MARKER = "COMMITTED";

    private final Path storeDir;
    private final Path txnDir;

    private DirTransaction(Path storeDir) {
        this.storeDir = storeDir;
        this.txnDir = storeDir.resolve(DIRECTORY);
    }

    /** Starts a transaction; the caller holds the store's lock and has recovered any earlier one. */
    static DirTransaction begin(Path storeDir) throws IOException {
        DirTransaction transaction = new DirTransaction(storeDir);
        Files.createDirectory(transaction.txnDir);
        return transaction;
    }

    /** Finishes what a killed writer left: roll forward when committed, discard otherwise. */
    static void recover(Path storeDir) throws IOException {
        DirTransaction leftover = new DirTransaction(storeDir);
        if (!Files.isDirectory(leftover.txnDir)) {
            return;
        }
        if (Files.exists(leftover.txnDir.resolve(COMMIT_MARKER))) {
            leftover.apply();
        } else {
            leftover.discard();
        }
    }

    void stage(String fileName, SessionRecord record) throws IOException {
        SessionFile.write(txnDir.resolve(fileName), record);
    }

    /** The commit point: once the marker is on disk the transaction happens, even if this process dies now. */
    void markCommitted(Collection<String> deletions) throws IOException {
        AtomicFiles.forceDirectory(txnDir);
        AtomicFiles.write(txnDir.resolve(COMMIT_MARKER), out -> out.write(String.join("\n", deletions).getBytes(StandardCharsets.UTF_8)));
    }

    /** Drops the staged files; the store is as it was. */
    void discard() throws IOException {
        try (Stream<Path> files = Files.walk(txnDir)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
        AtomicFiles.forceDirectory(storeDir);
    }

    /** Moves the staged files in and deletes the listed ones; safe to repeat after a crash. */
    void apply() throws IOException {
        for (Path staged : stagedFiles()) {
            Path replaced = storeDir.resolve(staged.getFileName().toString());
            AtomicFiles.keepPermissions(replaced, staged); // a session file rewritten keeps the mode its owner gave it
            Files.move(staged, replaced, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        for (String deleted : deletions()) {
            Files.deleteIfExists(storeDir.resolve(deleted));
        }
        AtomicFiles.forceDirectory(storeDir);
        Files.delete(txnDir.resolve(COMMIT_MARKER));
        discard();
    }

    private List<Path> stagedFiles() throws IOException {
        try (Stream<Path> files = Files.list(txnDir)) {
            return files.filter(DirTransaction::isSessionFile).toList();
        }
    }

    /** The marker's file names; anything that is not a plain session file name is ignored, so a damaged marker cannot delete elsewhere. */
    private List<String> deletions() throws IOException {
        List<String> names = new ArrayList<>();
        for (String line : Files.readAllLines(txnDir.resolve(COMMIT_MARKER), StandardCharsets.UTF_8)) {
            if (isSessionFileName(line) && !line.contains("/") && !line.contains("\\")) {
                names.add(line);
            }
        }
        return names;
    }

    static boolean isSessionFile(Path path) {
        return isSessionFileName(path.getFileName().toString()) && Files.isRegularFile(path);
    }

    /** Session files end in .json; hidden files (editor and temp files) are never sessions. */
    static boolean isSessionFileName(Path path) {
        return isSessionFileName(path.getFileName().toString());
    }

    private static boolean isSessionFileName(String name) {
        return name.endsWith(KeyFileNames.EXTENSION) && !name.startsWith(".");
    }
}
