package dev.sessiondb.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.job.JobPlan;
import dev.sessiondb.job.transfer.TargetMode;
import dev.sessiondb.store.StoreLocator;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JobStatementTest {

    private static final Path BACKUPS = Path.of("/home/someone/.sessiondb/backups");

    @Test
    void aServerSourcesPasswordGivenAsAParameterIsMaskedInTheStoresInFull() {
        StoreLocator server = StoreLocator.parse("postgresql://team@db.example:5432/sessions?schema=minsky&password=hunter2");
        JobStatement statement = JobStatement.ofConsolidation(List.of(server, StoreLocator.parse("json:/tmp/b.json")),
                StoreLocator.parse("sqlite:/tmp/all.db"), TargetMode.NEW, plan(0), BACKUPS);

        assertThat(statement.stores()).isEqualTo("Consolidates, in priority order, sessions.minsky (postgresql) then b.json (json) into all.db (sqlite)");
        assertThat(statement.inFull()).startsWith("Sources in priority order: postgresql://team@db.example:5432/sessions").doesNotContain("hunter2");
    }

    @Test
    void aNewTargetOrAnEmptyOneHasNoBackupToMention() {
        StoreLocator source = StoreLocator.parse("json:/tmp/m.json");
        StoreLocator target = StoreLocator.parse("sqlite:/tmp/chat.db");

        assertThat(JobStatement.ofMigration(source, target, TargetMode.NEW, plan(0), BACKUPS).backup()).isEmpty();
        assertThat(JobStatement.ofMigration(source, target, TargetMode.MERGE, plan(0), BACKUPS).backup()).isEmpty();
        assertThat(JobStatement.ofMigration(source, target, TargetMode.MERGE, plan(1), BACKUPS).backup())
                .contains("chat.db's 1 session is backed up first, into " + BACKUPS + "; to put it back: the toolbar's Undo (Ctrl+Z) while it names this job,"
                        + " or History's \"Undo selected job\" at any time");
    }

    @Test
    void twoStoresOfOneNameAreToldApartByTheirFolders() {
        JobStatement statement = JobStatement.ofMigration(StoreLocator.parse("json:/tmp/a/session-db.json"), StoreLocator.parse("json:/tmp/b/session-db.json"),
                TargetMode.REPLACE, plan(2), BACKUPS);

        assertThat(statement.stores()).isEqualTo("Copies a/session-db.json (json) into b/session-db.json (json)");
        assertThat(statement.mode()).isEqualTo(TargetModeWords.MIGRATE.describe(TargetMode.REPLACE));
    }

    private static JobPlan plan(long targetRecords) {
        return new JobPlan("a job", Map.of("target records before", targetRecords), List.of(), List.of(), List.of(), Optional.empty(), 0);
    }
}
