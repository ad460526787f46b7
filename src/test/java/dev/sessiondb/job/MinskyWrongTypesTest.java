package dev.sessiondb.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.cli.CliRun;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.sql.MinskySchemas;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Values of another type than Minsky's format gives their field (commitCount "12", "many", 3.7; prApproved "yes";
 * status "WEIRD"): validate names each with its fix, repair writes the sure ones, and a migration into Minsky's 2026
 * SQLite table names the real cause, counts what it writes, and never writes a value as another type than its column's.
 */
class MinskyWrongTypesTest {

    private static final String RECORDS = """
            [{"session":"t1","repoName":"local/minsky","repoUrl":".","createdAt":"2025-05-16T22:16:33.321Z","commitCount":"12","status":"ACTIVE"},
             {"session":"t2","repoName":"local/minsky","repoUrl":".","createdAt":"2025-05-16T22:16:33.321Z","commitCount":"many","prApproved":"yes"},
             {"session":"t3","repoName":"local/minsky","repoUrl":".","createdAt":"2025-05-16T22:16:33.321Z","commitCount":3.7,"status":"WEIRD"}]
            """;

    @TempDir
    Path dir;

    private CliRun cli(String... args) {
        return CliRun.of(Stream.concat(Stream.of(args), Stream.of("--backup-dir", dir.resolve("journal").toString())).toArray(String[]::new));
    }

    private Path source() throws Exception {
        Path file = dir.resolve("typ.json");
        Files.writeString(file, RECORDS);
        return file;
    }

    @Test
    void validateNamesEachWrongTypeAndRepairWritesOnlyTheSureFix() throws Exception {
        Path source = source();

        CliRun validate = CliRun.of("validate", "json:" + source, "--check", "field-type");

        assertThat(validate.exitCode()).isEqualTo(1);
        assertThat(validate.out()).contains("commitCount is the text '12', not a whole number as Minsky writes it", "fix: rewrite it as 12",
                "commitCount is the text 'many', not a whole number", "commitCount is a number 3.7, not a whole number",
                "prApproved is the text 'yes', not true or false", "status 'WEIRD' is not one of Minsky's statuses")
                .contains("5 findings");

        CliRun repair = cli("repair", "json:" + source, "--check", "field-type");

        assertThat(repair.out()).contains("records to change:                 1", "4 field-type findings need a person");
        assertThat(Files.readString(source)).contains("\"commitCount\": 12,").contains("\"many\"").contains("3.7").contains("\"yes\"");
    }

    @Test
    void aMigrationIntoMinskysIntegerColumnNamesTheCauseAndWritesNoValueAsAnotherType() throws Exception {
        Path source = source();
        StoreLocator minsky = MinskySchemas.sqlite(MinskySchemas.Era.SQLITE_2026, dir.resolve("minsky.db"), false);

        CliRun dryRun = cli("migrate", "json:" + source, minsky.display(), "--mode", "merge", "--dry-run");

        assertThat(dryRun.out()).contains("loss: commitCount: not kept (a value of another type than the target's column, which Minsky cannot read;"
                        + " sessiondb validate --check field-type names each) (2 records)")
                .contains("kept: commitCount: text kept as the value it holds in the target column's type (\"12\" as 12, \"true\" as true) (1 record)")
                .contains("loss: prApproved: not kept").contains("cannot hold the values of commitCount (2 records), prApproved (1 record)");

        CliRun run = cli("migrate", "json:" + source, minsky.display(), "--mode", "merge", "--allow-loss");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + minsky.path());
             ResultSet result = connection.createStatement().executeQuery("SELECT session, typeof(commit_count), commit_count, prApproved FROM sessions ORDER BY session")) {
            while (result.next()) {
                rows.add(result.getString(1) + " " + result.getString(2) + " " + result.getString(3) + " " + result.getString(4));
            }
        }
        assertThat(rows).containsExactly("t1 integer 12 null", "t2 null null null", "t3 null null null");
    }
}
