package dev.sessiondb.catalog;

import io.ebean.DuplicateKeyException;
import io.ebean.config.dbplatform.SqlExceptionTranslator;
import io.ebean.platform.sqlite.SQLitePlatform;
import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * SQLite as Ebean knows it, but a row whose key the catalog holds already fails as a {@link DuplicateKeyException}: Ebean's
 * SQLite platform tells every failure as a bare PersistenceException, so a history read that lost the race to a job's indexing
 * ({@link Catalog#ofJournal}) was told "cannot use the catalog" instead of listing the journal again.
 */
final class CatalogPlatform extends SQLitePlatform {

    CatalogPlatform() {
        SqlExceptionTranslator plain = exceptionTranslator;
        exceptionTranslator = (message, failure) -> keyHeldAlready(failure) ? new DuplicateKeyException(message, failure)
                : plain.translate(message, failure);
    }

    private static boolean keyHeldAlready(SQLException failure) {
        return failure instanceof SQLiteException sqlite && (sqlite.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY
                || sqlite.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE);
    }
}
