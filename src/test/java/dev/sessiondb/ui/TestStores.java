package dev.sessiondb.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.Fixtures;
import dev.sessiondb.job.StoreContents;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.job.migrate.MigrateJob;
import dev.sessiondb.job.migrate.MigrateOptions;
import dev.sessiondb.job.transfer.TargetMode;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.WriteBatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Real stores for UI tests: a copy of the Minsky fixture, or a store filled with sample sessions. */
public final class TestStores {

    /** Locators with a password, as an audit typed them: the window showed such a password in clear ("Writes to: ..."). */
    public static final List<String> TYPED_WITH_PASSWORDS = List.of(
            "postgresql://audit_ro:ro_S3cretPw!@127.0.0.1:55434/db?schema=team",
            "postgresql://audit_rw:rw:p@ss/w?rd@127.0.0.1:55434/db?schema=team",
            "postgresql://audit_rw@127.0.0.1:55434/db?schema=team&sslpassword=ro_S3cretPw!",
            "postgresql://audit_rw@127.0.0.1:55434/db?password=ro_S3cretPw!&schema=team");

    private TestStores() {
    }

    /** What the window shows of one of {@link #TYPED_WITH_PASSWORDS}: the server, and the password as {@code ****} only. */
    public static void assertShownMasked(String typed, String shown) {
        assertThat(shown).as(typed).contains("****").contains("127.0.0.1:55434")
                .doesNotContain("S3cret").doesNotContain("p@ss").doesNotContain("w?rd");
    }

    public static Path fixtureCopy(Path directory) {
        return Fixtures.copy(Fixtures.MINSKY_ARRAY, directory);
    }

    /** A JSON file of one session in which no check finds anything, {@code clean.json} in {@code directory}. */
    public static Path withoutFindings(Path directory) throws IOException {
        return Files.writeString(directory.resolve("clean.json"), "[{\"session\":\"s1\",\"branch\":\"a\",\"taskId\":\"#001\",\"repoName\":\"local/x\","
                + "\"repoUrl\":\"https://example.com/x.git\",\"createdAt\":\"2025-03-01T00:00:00Z\",\"lastActivityAt\":\"2025-03-01T00:00:00Z\"}]");
    }

    /**
     * A native SQLite store of {@code sessions} sample Minsky sessions, the record of the one at {@code damaged} cut to its first 40
     * characters, so no longer JSON: a damaged record as a recovered file holds one.
     */
    public static Path sqliteWithDamagedRecord(Path file, int sessions, int damaged) throws SQLException {
        try (SessionStore store = StoreFactory.open(StoreLocator.of(StoreFormat.SQLITE, file), OpenMode.CREATE_IF_MISSING)) {
            store.write(WriteBatch.replaceAll(SampleSessions.minsky(sessions, 3), sessions), ProgressMonitor.NONE);
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file); Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE sessions SET record = substr(record, 1, 40) WHERE session_key = '" + sampleKey(damaged) + "'");
        }
        return file;
    }

    /** The key of the sample session at {@code index} in {@link #sqliteWithDamagedRecord}'s store. */
    public static String sampleKey(long index) {
        return SampleSessions.minskyRecord(index, 3).key();
    }

    /** A store a job run outside the window replaced: its file, and what it held before. */
    public record MigratedTarget(Path file, byte[] before) {
    }

    /** {@code target.json} in {@code folder}, a JSON store of three sample sessions, into which a copy of the fixture is migrated (see {@link #migrateFixtureCopyInto}). */
    public static MigratedTarget migratedSampleTarget(Path folder, BackupJournal journal) throws IOException {
        Path target = folder.resolve("target.json");
        StoreContents.create("json:" + target, SampleSessions.minskyList(3, 1));
        byte[] before = Files.readAllBytes(target);
        migrateFixtureCopyInto(target, journal);
        return new MigratedTarget(target, before);
    }

    /** Migrates a copy of the fixture into the JSON file {@code target}, replacing what it holds: a job with a backup, run outside the window. */
    public static void migrateFixtureCopyInto(Path target, BackupJournal journal) {
        new MigrateJob(StoreLocator.parse("json:" + fixtureCopy(target.getParent())), StoreLocator.parse("json:" + target),
                new MigrateOptions(Optional.empty(), Optional.of(TargetMode.REPLACE), false, true), journal).run(ProgressMonitor.NONE);
    }

    /** {@code chat.db} in {@code directory}: a SQLite store in the chat server's own layout holding {@code sessions}. */
    public static Path chatStore(Path directory, List<SessionRecord> sessions) {
        return StoreContents.create("sqlite:" + directory.resolve("chat.db") + "?layout=chat", sessions).path();
    }

    public static SessionStore openFixtureCopy(Path directory) {
        return StoreFactory.open(StoreLocator.of(StoreFormat.JSON, fixtureCopy(directory)), OpenMode.EXISTING);
    }

    public static SessionStore withRecords(Path file, Iterator<SessionRecord> records, long count) {
        SessionStore store = StoreFactory.open(StoreLocator.of(StoreFormat.JSON, file), OpenMode.CREATE_IF_MISSING);
        store.write(WriteBatch.replaceAll(records, count), ProgressMonitor.NONE);
        return store;
    }

    /** The store, telling {@code called} the name of each method called on it before it runs. */
    public static SessionStore watched(SessionStore store, Consumer<String> called) {
        return (SessionStore) java.lang.reflect.Proxy.newProxyInstance(SessionStore.class.getClassLoader(), new Class<?>[] {SessionStore.class},
                (proxy, method, args) -> {
                    called.accept(method.getName());
                    try {
                        return method.invoke(store, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
