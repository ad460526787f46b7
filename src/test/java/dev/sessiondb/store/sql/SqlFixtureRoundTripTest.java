package dev.sessiondb.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.Fixtures;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.RecordCursor;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.WriteBatch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The real 217-record Minsky fixture goes into every SQL layout and comes back. */
class SqlFixtureRoundTripTest {

    @TempDir
    Path tempDir;

    static Stream<Arguments> everyLayout() {
        return Stream.of(
                layout("sqlite native", dir -> StoreLocator.parse("sqlite:" + dir.resolve("native.db"))),
                layout("sqlite minsky", dir -> StoreLocator.parse("sqlite:" + dir.resolve("minsky.db") + "?layout=minsky")),
                layout("sqlite chat", dir -> StoreLocator.parse("sqlite:" + dir.resolve("chat.db") + "?layout=chat")),
                layout("postgresql native", dir -> TestPostgres.get().freshSchema()),
                layout("postgresql minsky", dir -> MinskySchemas.postgres(false).withParam("layout", "minsky")),
                layout("postgresql chat", dir -> TestPostgres.get().freshSchema("layout=chat")));
    }

    private static Arguments layout(String name, Function<Path, StoreLocator> locator) {
        return Arguments.of(name, locator);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyLayout")
    void theFixtureComesBackFieldForFieldLessOnlyWhatTheLayoutReports(String name, Function<Path, StoreLocator> locator) {
        List<SessionRecord> fixture = Fixtures.minskyRecords();
        StoreLocator target = locator.apply(tempDir);
        try (SessionStore store = StoreFactory.open(target, OpenMode.CREATE_IF_MISSING)) {
            store.write(WriteBatch.replaceAll(fixture.iterator(), fixture.size()), ProgressMonitor.NONE);
        }
        try (SessionStore store = StoreFactory.open(target.withParam("layout", target.param("layout").orElse("native")), OpenMode.EXISTING)) {
            List<SessionRecord> back = readAll(store);
            assertThat(back).hasSize(Fixtures.MINSKY_COUNT);
            for (SessionRecord expected : fixture) {
                assertThat(store.get(expected.key()).orElseThrow().fields()).as(expected.key()).isEqualTo(store.asStored(expected));
            }
        }
    }

    @Test
    void theNativeLayoutKeepsEveryFieldInItsOrder() {
        List<SessionRecord> fixture = Fixtures.minskyRecords();
        try (SessionStore store = StoreFactory.open("sqlite:" + tempDir.resolve("native.db"), OpenMode.CREATE_IF_MISSING)) {
            store.write(WriteBatch.replaceAll(fixture.iterator(), fixture.size()), ProgressMonitor.NONE);
            for (SessionRecord expected : fixture) {
                assertThat(store.unsupportedFields(expected)).isEmpty();
                assertThat(JsonCodec.compact(store.get(expected.key()).orElseThrow().fields())).isEqualTo(JsonCodec.compact(expected.fields()));
            }
        }
    }

    @Test
    void minskyLayoutsReportRemoteAsAFieldTheyCannotKeep() {
        SessionRecord withRemote = Fixtures.minskyRecords().stream().filter(record -> record.field("remote").isPresent()).findFirst().orElseThrow();
        try (SessionStore sqlite = StoreFactory.open("sqlite:" + tempDir.resolve("m.db") + "?layout=minsky", OpenMode.CREATE_IF_MISSING);
             SessionStore postgres = StoreFactory.open(MinskySchemas.postgres(false), OpenMode.EXISTING)) {
            assertThat(sqlite.unsupportedFields(withRemote)).containsExactly("remote");
            // Minsky's current PostgreSQL table has no branch column
            assertThat(postgres.unsupportedFields(withRemote)).containsExactlyInAnyOrder("remote", "branch");
            assertThat(sqlite.unsupportedFields(withRemote.with("github", JsonCodec.MAPPER.createObjectNode().put("token", "t"))))
                    .containsExactlyInAnyOrder("remote", "github");
        }
    }

    private static List<SessionRecord> readAll(SessionStore store) {
        List<SessionRecord> all = new ArrayList<>();
        try (RecordCursor cursor = store.cursor()) {
            cursor.forEachRemaining(all::add);
        }
        return all;
    }
}
