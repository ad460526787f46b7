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

        assertThat(HistoryRow.of(failed, ZoneId.of("UTC"), StoreNames::shortName).note()).isEqualTo("json:/tmp/a.json: permission denied");
        assertThat(HistoryRow.of(killed, ZoneId.of("UTC"), StoreNames::shortName).note()).isEqualTo(killed.unfinishedTarget().orElseThrow());
    }

    @Test
    void theStoresAreCalledByTheNamesGivenAndShownInFullForTheTooltip() {
        HistoryRow row = HistoryRow.of(withoutReport("repair"), ZoneId.of("UTC"), locator -> "tmp/a.json");

        assertThat(row.stores()).isEqualTo("tmp/a.json");
        assertThat(row.storesInFull()).isEqualTo("json:/tmp/a.json");
    }

    @Test
    void theTimeIsTheJobsStartInTheZoneGiven() {
        assertThat(HistoryRow.of(withoutReport("edit"), ZoneId.of("Asia/Tokyo"), StoreNames::shortName).when()).isEqualTo("2026-12-05 15:02:03");
    }
}
