package dev.sessiondb.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.catalog.PastJob;
import dev.sessiondb.ui.common.StoreNames;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HistoryRowTest {

    private static PastJob withoutReport(String kind) {
        return new PastJob("20261205T060203.000Z-" + kind + "-1a2b", kind, kind + " of a.json", List.of(), Optional.of("json:/tmp/a.json"),
                Instant.parse("2026-12-05T06:02:03Z"), Optional.empty(), Optional.empty(), Map.of(), Optional.empty(),
                Optional.of("20261205T060203.000Z-" + kind + "-1a2b-9f"), Optional.empty(), Optional.empty());
    }

    @Test
    void anEditSavedInTheAppReadsAsSavedAndARunWithoutAnOutcomeIsRunningWhileItHoldsItsLockElseDidNotFinish() {
        assertThat(HistoryRow.of(withoutReport("edit"), ZoneId.of("UTC"), StoreNames::shortName).outcome()).isEqualTo("saved");
        assertThat(HistoryRow.of(withoutReport("migrate"), ZoneId.of("UTC"), StoreNames::shortName).outcome()).isEqualTo("did not finish");
        assertThat(HistoryRow.of(withoutReport("migrate").withRunning(true), ZoneId.of("UTC"), StoreNames::shortName).outcome()).isEqualTo("running");
        assertThat(withoutReport("migrate").withRunning(true).unfinishedTarget()).as("nothing is left while it runs").isEmpty();
    }

    @Test
    void aRunThatFailedSaysWhyAndOneKilledWhatItLeft() {
        PastJob killed = withoutReport("migrate");
        PastJob failed = new PastJob(killed.runId(), "migrate", killed.description(), List.of(), killed.target(), killed.startedAt(),
                Optional.of(Instant.parse("2026-12-05T06:02:09Z")), Optional.of("failed"), Map.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), false, Optional.of("json:/tmp/a.json: permission denied"), Optional.empty());

        assertThat(HistoryRow.of(failed, ZoneId.of("UTC"), StoreNames::shortName).story().lines())
                .contains("migrate, started 2026-12-05 06:02:03, ended 2026-12-05 06:02:09: failed", "Why it stopped: json:/tmp/a.json: permission denied");
        assertThat(HistoryRow.of(killed, ZoneId.of("UTC"), StoreNames::shortName).story().lines())
                .contains("What it left: " + killed.unfinishedTarget().orElseThrow());
    }

    /**
     * A killed repair or upgrade read "the target may hold the new content or the old", though those jobs change their one
     * store in place (the failure line already said "the store"); a migration still names its target.
     */
    @Test
    void aKilledRepairOrUpgradeSaysWhatItLeftInTheStore() {
        for (String kind : List.of("repair", "upgrade")) {
            PastJob killed = withoutReport(kind);
            PastJob killedBeforeItsBackup = new PastJob(killed.runId(), kind, killed.description(), List.of(), killed.target(), killed.startedAt(),
                    Optional.empty(), Optional.empty(), Map.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
            PastJob killedAfterItsWrite = new PastJob(killed.runId(), kind, killed.description(), List.of(), killed.target(), killed.startedAt(),
                    Optional.empty(), Optional.empty(), Map.of(), Optional.empty(), killed.backupId(), Optional.empty(),
                    Optional.of(Instant.parse("2026-12-05T06:02:05Z")));

            assertThat(HistoryRow.of(killed, ZoneId.of("UTC"), StoreNames::shortName).story().lines()).as(kind)
                    .contains("What it left: the store may hold the new content or the old: compare it with sessiondb diff");
            assertThat(killedBeforeItsBackup.unfinishedTarget()).as(kind).contains("the store was not changed");
            assertThat(killedAfterItsWrite.unfinishedTarget()).as(kind).contains("the store holds the new content; its check and report did not finish");
        }
        PastJob migration = new PastJob("20261205T060203.000Z-migrate-1a2b", "migrate", "migrate json:/tmp/b.json", List.of("json:/tmp/b.json"),
                Optional.of("json:/tmp/a.json"), Instant.parse("2026-12-05T06:02:03Z"), Optional.empty(), Optional.empty(), Map.of(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        assertThat(migration.unfinishedTarget()).contains("the target was not changed");
    }

    /** What no column holds: the details below the table tell it, one fact a line, stores in full and passwords masked. */
    @Test
    void theStoryTellsTheWholeRunUndoneByTheUndoOfAnEarlierJob() {
        PastJob undone = new PastJob("20261205T060203.000Z-migrate-1a2b", "migrate", "migrate json:/tmp/a.json",
                List.of("postgresql://admin:s3cret@db.example/sessions"), Optional.of("sqlite:/tmp/b.db"), Instant.parse("2026-12-05T06:02:03Z"),
                Optional.of(Instant.parse("2026-12-05T06:02:09Z")), Optional.of("completed_with_problems"), Map.of("source records", 1217L),
                Optional.of("/tmp/reports/migrate.json"), Optional.of("20261205T060203.000Z-migrate-1a2b-9f"),
                Optional.of(Instant.parse("2026-12-05T07:00:00Z")), Optional.of(Instant.parse("2026-12-05T06:02:08Z")), Optional.empty(), false,
                Optional.empty(), Optional.of("by the undo of migrate json:/tmp/c.json (run R2), which put the store back as it was before that migrate"));

        HistoryRow row = HistoryRow.of(undone, ZoneId.of("UTC"), StoreNames::shortName);

        assertThat(row.undone()).isEqualTo("2026-12-05 07:00:00");
        assertThat(row.story()).isEqualTo(String.join("\n",
                "migrate, started 2026-12-05 06:02:03, ended 2026-12-05 06:02:09: completed with problems",
                "Stores: " + StoreNames.shown("postgresql://admin:s3cret@db.example/sessions") + " → sqlite:/tmp/b.db",
                "Undone 2026-12-05 07:00:00 by the undo of migrate json:/tmp/c.json (run R2), which put the store back as it was before that migrate",
                "Counts: source sessions 1,217",
                "Backup: 20261205T060203.000Z-migrate-1a2b-9f",
                "Report: /tmp/reports/migrate.json",
                "Run: 20261205T060203.000Z-migrate-1a2b"));
        assertThat(row.story()).doesNotContain("s3cret");
    }

    @Test
    void aRunThatCanBeUndoneSaysHowAndOneThatCannotOnlyThatItWasNot() {
        assertThat(HistoryRow.of(withoutReport("repair"), ZoneId.of("UTC"), StoreNames::shortName).story().lines())
                .contains("Not undone: Undo selected job puts back what it replaced.");
        PastJob refused = new PastJob("20261205T060203.000Z-migrate-3c4d", "migrate", "migrate json:/tmp/a.json", List.of(),
                Optional.of("json:/tmp/a.json"), Instant.parse("2026-12-05T06:02:03Z"), Optional.of(Instant.parse("2026-12-05T06:02:04Z")),
                Optional.of("refused"), Map.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        assertThat(HistoryRow.of(refused, ZoneId.of("UTC"), StoreNames::shortName).story().lines()).contains("Not undone.");
    }

    @Test
    void theStoresAreCalledByTheNamesGivenAndShownInFullForTheTooltip() {
        HistoryRow row = HistoryRow.of(withoutReport("repair"), ZoneId.of("UTC"), locator -> "tmp/a.json");

        assertThat(row.stores()).isEqualTo("tmp/a.json");
        assertThat(row.storesInFull()).isEqualTo("json:/tmp/a.json");
    }

    /** A consolidation's counts read "source 1 records, source 2 records", leaving the user to count down the Stores line. */
    @Test
    void aConsolidationsCountsNameEachSourceByItsStoreTellingSameNamedOnesApart() {
        PastJob consolidation = new PastJob("20261205T060203.000Z-consolidate-1a2b", "consolidate", "consolidate into sqlite:/tmp/all.db",
                List.of("json:/tmp/e/session-db.json", "sqlite:/tmp/chat.db", "json:/tmp/e/rodir/session-db.json"), Optional.of("sqlite:/tmp/all.db"),
                Instant.parse("2026-12-05T06:02:03Z"), Optional.of(Instant.parse("2026-12-05T06:02:09Z")), Optional.of("completed"),
                Map.of("source 1 records", 12L, "source 2 records", 1217L, "source 3 records", 3L), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());

        assertThat(HistoryRow.of(consolidation, ZoneId.of("UTC"), StoreNames::shortName).story().lines()).anyMatch(line -> line.startsWith("Counts: ")
                && line.contains("source 1 sessions (e/session-db.json) 12") && line.contains("source 2 sessions (chat.db) 1,217")
                && line.contains("source 3 sessions (rodir/session-db.json) 3"));
    }

    @Test
    void theTimeIsTheJobsStartInTheZoneGiven() {
        assertThat(HistoryRow.of(withoutReport("edit"), ZoneId.of("Asia/Tokyo"), StoreNames::shortName).when()).isEqualTo("2026-12-05 15:02:03");
    }
}
