package dev.sessiondb.job.upgrade;

import dev.sessiondb.job.Job;
import dev.sessiondb.job.JobPlan;
import dev.sessiondb.job.JobReport;
import dev.sessiondb.job.StoreProbe;
import dev.sessiondb.job.backup.Backup;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.job.backup.StoreWriters;
import dev.sessiondb.progress.CancelledException;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreFingerprint;
import dev.sessiondb.store.StoreInfo;
import dev.sessiondb.store.StoreLocator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Brings a store made by an older version to the schema this version writes: backed up first
 * through the journal, so {@code undo} puts the older schema back; a server store's backup holds
 * its records, so there undo puts the records back and the schema stays upgraded (the report and
 * undo say so). Reading never upgrades.
 */
public final class UpgradeJob implements Job {

    private final StoreLocator store;
    private final BackupJournal journal;

    public UpgradeJob(StoreLocator store, BackupJournal journal) {
        this.store = store;
        this.journal = journal;
    }

    @Override
    public String writtenStore() {
        return "the store";
    }

    @Override
    public String description() {
        return "upgrade " + store.display();
    }

    @Override
    public JobPlan plan() {
        try (SessionStore opened = open()) {
            return StoreWriters.sayingWhoWrites(plan(opened), store);
        }
    }

    @Override
    public JobReport run(ProgressMonitor monitor) {
        StoreWriters.refuseWhileWritten(store);
        JobReport done;
        try (SessionStore opened = open()) {
            JobPlan plan = plan(opened);
            JobReport.Builder report = journal.startRun("upgrade", description(), List.of(), store);
            done = journal.endingOnStop(report.runId(), () -> {
                plan.counts().forEach(report::count);
                String before = opened.info().schemaVersion();
                if (opened.needsUpgrade()) {
                    monitor.message("backing up");
                    Backup backup = journal.backUp(report.runId(), store, description(), monitor);
                    report.backupId(backup.id());
                    StoreFingerprint backedUp = opened.fingerprint();
                    upgradeOrSayWhereStopped(opened, before, backup, () -> journal.write(backup, () -> opened.upgrade(monitor),
                            () -> opened.fingerprint().equals(backedUp)));
                    report.note("schema version " + before + " upgraded to " + opened.info().schemaVersion() + "; 'sessiondb undo "
                            + backup.id() + "' " + (backup.holdsSchema() ? "puts the older one back"
                            : "puts the records back and leaves the schema upgraded (a server store's backup holds its records, not its tables)"));
                } else {
                    report.note(alreadyCurrent(opened.info()));
                }
                return report.build();
            });
        }
        journal.saveReport(done);
        return done;
    }

    /**
     * Each schema version is committed on its own, so a cancel after the first leaves the store
     * valid at a newer version than its backup: the cancel says which, and both ways on.
     */
    private static void upgradeOrSayWhereStopped(SessionStore opened, String before, Backup backup, Runnable upgrade) {
        try {
            upgrade.run();
        } catch (CancelledException stopped) {
            String reached = opened.info().schemaVersion();
            if (reached.equals(before)) {
                throw stopped;
            }
            CancelledException partly = new CancelledException("cancelled after schema version " + reached + ": the store is valid at version "
                    + reached + "; run sessiondb upgrade again to finish, or sessiondb undo " + backup.id() + " to put it back");
            partly.addSuppressed(stopped);
            throw partly;
        }
    }

    /** The one line for a store that already has the schema this version writes; empty when it needs upgrading. */
    public Optional<String> alreadyCurrent() {
        try (SessionStore opened = open()) {
            return opened.needsUpgrade() ? Optional.empty() : Optional.of(alreadyCurrent(opened.info()));
        }
    }

    /** Only a native SQL store numbers its schema; a JSON file's shape or a foreign tool's tables have no version to name. */
    private String alreadyCurrent(StoreInfo info) {
        String version = info.schemaVersion();
        String why = !version.isEmpty() && version.chars().allMatch(Character::isDigit) ? "schema version " + version
                : "a " + info.format().scheme() + " store in the " + info.layout().id()
                        + " layout has no schema versions";
        return store.display() + " is already current (" + why + "); nothing to upgrade";
    }

    private SessionStore open() {
        StoreProbe.requireSource(store);
        StoreProbe.requireUndamaged(store);
        return StoreFactory.open(store, OpenMode.EXISTING);
    }

    private JobPlan plan(SessionStore opened) {
        StoreInfo info = opened.info();
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("records", info.recordCount());
        String warning = opened.needsUpgrade()
                ? "schema version " + info.schemaVersion() + " will be upgraded after a backup"
                : alreadyCurrent(info);
        return new JobPlan(description(), counts, List.of(), List.of(), List.of(warning), Optional.empty(), 0);
    }
}
