package dev.sessiondb.store.sql;

import io.ebean.config.DatabaseConfig;
import io.ebean.config.dbplatform.DatabasePlatform;
import javax.sql.DataSource;

/** The one way this app sets up an Ebean {@link io.ebean.Database}: a store's and the catalog's. */
public final class EbeanDatabases {

    private EbeanDatabases() {
    }

    /**
     * A Database over a pool of our own that leaves the schema to Flyway, is never Ebean's default nor registered, and is
     * closed by its owner: Ebean's own hook, run at Ctrl-C beside a job's commit or rollback, stopped its executor under it.
     */
    public static DatabaseConfig config(String name, DataSource dataSource, DatabasePlatform platform) {
        DatabaseConfig config = new DatabaseConfig();
        config.setName(name);
        config.setDataSource(dataSource);
        config.setDatabasePlatform(platform);
        config.setRegister(false);
        config.setDefaultServer(false);
        config.setDdlGenerate(false);
        config.setDdlRun(false);
        config.setRunMigration(false);
        config.shutdownHook(false);
        return config;
    }
}
