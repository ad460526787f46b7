package dev.sessiondb.store.sql;

/**
 * A SQL store's write mark ({@link dev.sessiondb.store.SessionStore#writeMark}), which may keep what it needs between looks: a
 * SQLite file's held read ({@link SqliteWriteMark}), PostgreSQL's last scan ({@link PostgresRowVersions}).
 */
interface WriteMark extends AutoCloseable {

    String now();

    /** Lets go of what the mark holds on the database, for work that takes it alone; a mark taken after may differ from one before. */
    default void release() {
    }

    @Override
    default void close() {
        release();
    }
}
