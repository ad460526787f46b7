package dev.sessiondb.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.job.transfer.RecordSource;
import dev.sessiondb.job.transfer.Verification;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLocator;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerificationTest {

    @TempDir
    Path dir;

    private final List<SessionRecord> records = SampleSessions.minskyList(6, 4);

    private Verification verify(List<SessionRecord> written, boolean exact) {
        StoreLocator expected = StoreContents.create("json:" + dir.resolve("expected.json"), records);
        StoreLocator target = StoreContents.create("json:" + dir.resolve("target.json"), written);
        try (SessionStore source = StoreFactory.open(expected, OpenMode.EXISTING);
             SessionStore actual = StoreFactory.open(target, OpenMode.EXISTING)) {
            return Verification.check(RecordSource.of(source), actual, exact, ProgressMonitor.NONE);
        }
    }

    @Test
    void aFaithfulCopyPassesWhateverTheFieldOrder() {
        List<SessionRecord> reordered = records.stream().map(record -> {
            var fields = record.fields();
            var reversed = fields.objectNode();
            List<String> names = new ArrayList<>(record.fieldNames());
            Collections.reverse(names);
            names.forEach(name -> reversed.set(name, fields.get(name)));
            return SessionRecord.of(reversed);
        }).toList();

        Verification verification = verify(reordered, true);

        assertThat(verification.passed()).isTrue();
        assertThat(verification.matched()).isEqualTo(6);
    }

    @Test
    void aChangedRecordIsNamedWithTheFieldsThatDifferButNotTheirValues() {
        List<SessionRecord> written = new ArrayList<>(records);
        written.set(2, written.get(2).with("repoName", "elsewhere").without("branch"));

        Verification verification = verify(written, true);

        assertThat(verification.passed()).isFalse();
        assertThat(verification.changed()).containsExactly(records.get(2).key() + ": branch, repoName");
    }

    @Test
    void aMissingRecordAndAnUnexpectedOneAreCounted() {
        List<SessionRecord> written = new ArrayList<>(records.subList(1, 6));
        written.add(SampleSessions.minskyRecord(100, 4));

        Verification exact = verify(written, true);

        assertThat(exact.missing()).containsExactly(records.get(0).key());
        assertThat(exact.unexpected()).isEqualTo(1);
    }

    @Test
    void aMergedTargetMayHoldMoreRecords() {
        List<SessionRecord> written = new ArrayList<>(records);
        written.add(SampleSessions.minskyRecord(100, 4));

        assertThat(verify(written, false).passed()).isTrue();
    }

    /** A SQLite store hashes each record's text as kept; text another program wrote in another form is compared field by field. */
    @Test
    void aSqliteRecordKeptInAnotherTextFormPassesAndARealChangeIsStillNamed() throws Exception {
        StoreLocator expected = StoreContents.create("json:" + dir.resolve("expected.json"), records);
        StoreLocator target = StoreContents.create("sqlite:" + dir.resolve("target.db"), records);
        String reordered = records.get(1).key();
        String changed = records.get(4).key();
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("target.db"));
             var rewrite = connection.prepareStatement("UPDATE sessions SET record = ? WHERE session_key = ?")) {
            rewrite.setString(1, JsonCodec.pretty(records.get(1).fields()));
            rewrite.setString(2, reordered);
            rewrite.executeUpdate();
            rewrite.setString(1, records.get(4).with("branch", "elsewhere").compact());
            rewrite.setString(2, changed);
            rewrite.executeUpdate();
        }
        try (SessionStore source = StoreFactory.open(expected, OpenMode.EXISTING);
             SessionStore actual = StoreFactory.open(target, OpenMode.EXISTING)) {
            Verification verification = Verification.check(RecordSource.of(source), actual, true, ProgressMonitor.NONE);

            assertThat(verification.matched()).isEqualTo(5);
            assertThat(verification.changed()).containsExactly(changed + ": branch");
        }
    }
}
