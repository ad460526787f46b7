package dev.sessiondb.store.file;

import dev.sessiondb.files.ReadOnlyMount;
import dev.sessiondb.store.StoreLocator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether the folder a file store is written in can take the write: its lock, its staging file and the new store are all
 * made there, so a plan that approved a target under a file, or in a folder the user may not write, failed only at the run.
 */
final class FolderToWrite {

    private FolderToWrite() {
    }

    /** Why {@code store} cannot be written in its folder (the nearest that exists, as a missing one is made), if so: the store first, then what to do. */
    static Optional<String> refusal(StoreLocator store) {
        Path folder = store.path().toAbsolutePath().normalize().getParent();
        while (folder != null && !Files.exists(folder)) {
            folder = folder.getParent();
        }
        if (folder == null) {
            return Optional.empty();
        }
        if (!Files.isDirectory(folder)) {
            return Optional.of(store.display() + ": " + folder + " is a file, not a folder, so the store cannot be written under it;"
                    + " choose a target in a folder");
        }
        if (!Files.isWritable(folder) && ReadOnlyMount.holds(folder)) {
            // no chmod makes a read-only mount writable: the store is written elsewhere, or copied there to be repaired
            return Optional.of(store.display() + ": cannot write: read-only file system (the folder " + folder + "); the store was not changed;"
                    + " choose a writable folder (copy the store there to repair it), then run the command again");
        }
        if (!Files.isWritable(folder)) {
            return Optional.of(store.display() + ": the folder " + folder + " is not writable for you, and the store is written there;"
                    + " choose a target in a folder you can write, or make this one writable (chmod u+w " + folder + ")");
        }
        return Optional.empty();
    }
}
