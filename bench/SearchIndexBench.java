import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A native SQLite store's search index built as a staged file's side build builds it (a
 * contentless FTS5 trigram table in a side file, reading the store's search text), with FTS5's
 * default settings and then with each set of settings given, in one JVM: how long the build
 * takes and how many segment pages it leaves. Any store this tool wrote, e.g. bench/run.sh's:
 *   java -cp sessiondb-admin.jar bench/SearchIndexBench.java target/bench/300k/src.db hashsize=67108864 "hashsize=67108864;automerge=0"
 * Prints three rounds per setting; the first of each round pays the JIT and the page cache.
 */
public class SearchIndexBench {

    static final int ROUNDS = 3;

    public static void main(String[] args) throws Exception {
        Path store = Path.of(args[0]).toAbsolutePath();
        String[] settings = new String[args.length];
        settings[0] = "";
        System.arraycopy(args, 1, settings, 1, args.length - 1);
        for (String setting : settings) {
            for (int round = 0; round < ROUNDS; round++) {
                build(store, setting);
            }
        }
    }

    static void build(Path store, String setting) throws SQLException, IOException {
        Path side = Files.createTempFile(store.getParent(), "search-index-bench", ".db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + side); Statement statement = connection.createStatement()) {
            long start = System.nanoTime();
            statement.execute("PRAGMA journal_mode = OFF");
            statement.execute("PRAGMA synchronous = OFF");
            statement.execute("ATTACH DATABASE '" + store.toString().replace("'", "''") + "' AS stored");
            statement.execute("CREATE VIRTUAL TABLE search USING fts5(text, content = '', tokenize = 'trigram', detail = none)");
            for (String pair : setting.split(";")) {
                if (!pair.isBlank()) {
                    String[] nameAndValue = pair.split("=");
                    statement.execute("INSERT INTO search (search, rank) VALUES ('" + nameAndValue[0] + "', " + Long.parseLong(nameAndValue[1]) + ")");
                }
            }
            statement.execute("INSERT INTO search (rowid, text) SELECT id, text FROM stored.sessions_search_text");
            long took = System.nanoTime() - start;
            try (ResultSet pages = statement.executeQuery("SELECT count(*) FROM search_data")) {
                pages.next();
                System.out.printf("%s: %.0f ms, %d segment pages%n", setting.isEmpty() ? "FTS5's defaults" : setting, took / 1e6, pages.getLong(1));
            }
        } finally {
            Files.delete(side);
        }
    }
}
