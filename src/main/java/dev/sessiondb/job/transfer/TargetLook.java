package dev.sessiondb.job.transfer;

import dev.sessiondb.job.StoreProbe;
import dev.sessiondb.model.KindsHeld;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLocator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a job's target holds before the user plans: absent (and whether its folder is), empty, or how many sessions of which
 * tool. A user learnt that a target held 51 sessions only from the plan's refusal; this is told as soon as the target is named.
 *
 * @param missingFolder the folder a new file store would be made in, when that folder is not there either
 * @param tools         whose sessions they are ("Minsky", "mixed: ..."), where counting them costs little
 */
public record TargetLook(boolean exists, long sessions, Optional<Path> missingFolder, Optional<String> tools) {

    /** Looks at the target without writing anything: a store that exists is opened to be looked at, counted and closed. */
    public static TargetLook of(StoreLocator target) {
        if (!StoreProbe.exists(target)) {
            return new TargetLook(false, 0, target.localPath().map(Path::toAbsolutePath).map(Path::getParent).filter(folder -> !Files.isDirectory(folder)),
                    Optional.empty());
        }
        try (SessionStore store = StoreFactory.openToLook(target)) {
            long sessions = store.count();
            return new TargetLook(true, sessions, Optional.empty(), store.kindsHeldWhereCheap(sessions).flatMap(KindsHeld::described));
        }
    }

    /** Whether a job in {@link TargetMode#NEW} can write it: it is absent or empty. */
    public boolean takesNew() {
        return sessions == 0;
    }

    /**
     * The mode that can run here when the user chose none: New for an absent or empty target, Merge for one holding sessions
     * (it keeps the target's own sessions, after a backup; Replace would drop them).
     */
    public TargetMode runnableMode() {
        return takesNew() ? TargetMode.NEW : TargetMode.MERGE;
    }

    /** "Not there yet: a new store will be made", "Exists and is empty", "Exists and holds 51 sessions of Minsky". */
    public String describe() {
        if (!exists) {
            return "Not there yet: a new store will be made" + missingFolder.map(folder -> ", and its folder " + folder).orElse("");
        }
        if (sessions == 0) {
            return "Exists and is empty";
        }
        return String.format("Exists and holds %,d %s", sessions, sessions == 1 ? "session" : "sessions")
                + tools.map(whose -> whose.startsWith("mixed") ? " (" + whose + ")" : " of " + whose).orElse("");
    }
}
