import java.sql.*;
import java.util.*;

/**
 * Each way of asking PostgreSQL for a page of 50 and the count of every session (the CRUD figure's
 * "list"), over JDBC alone with no record parsed, interleaved page by page at the CRUD figure's
 * offsets: the round trips a page takes, apart from the server's work. On a native store, e.g. 10k:
 *   java -cp sessiondb-admin.jar bench/PageStatementsBench.java jdbc:postgresql://127.0.0.1:55434/crud10k
 * Prints per round (5 of 200 pages each) the median and 95th percentile of each way.
 */
public class PageStatementsBench {
    static final String PAGE = "SELECT s.session_key, s.record FROM sessions s ORDER BY s.session_key COLLATE \"C\" LIMIT ? OFFSET ?";
    static final String COUNT = "SELECT count(*) FROM sessions s";
    static final String BOTH = "SELECT s.session_key, s.record, (SELECT count(*) FROM sessions s) FROM sessions s ORDER BY s.session_key COLLATE \"C\" LIMIT ? OFFSET ?";

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection(args[0], System.getProperty("user", "bench"), System.getProperty("password", "bench"))) {
            String[] names = {"txn: page + count + rollback", "txn: page only + rollback", "txn: one statement + rollback", "autocommit: page + count", "autocommit: one statement"};
            for (int round = 0; round < 5; round++) {
                long[][] t = new long[names.length][200];
                for (int i = 0; i < 200; i++) {
                    int offset = (i % 50) * 50;
                    for (int v = 0; v < names.length; v++) {
                        long start = System.nanoTime();
                        boolean txn = v < 3;
                        c.setAutoCommit(!txn);
                        if (v == 2 || v == 4) { run(c, BOTH, offset); } else { run(c, PAGE, offset); if (v != 1) count(c); }
                        if (txn) c.rollback();
                        t[v][i] = System.nanoTime() - start;
                    }
                }
                StringBuilder line = new StringBuilder("round " + (round + 1) + ":");
                for (int v = 0; v < names.length; v++) { Arrays.sort(t[v]); line.append(String.format("  %s median %.3f ms p95 %.3f;", names[v], t[v][100] / 1e6, t[v][190] / 1e6)); }
                System.out.println(line);
            }
        }
    }
    static void run(Connection c, String sql, int offset) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) { p.setInt(1, 50); p.setInt(2, offset); try (ResultSet r = p.executeQuery()) { while (r.next()) { r.getString(1); r.getString(2); } } }
    }
    static void count(Connection c) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(COUNT); ResultSet r = p.executeQuery()) { r.next(); r.getLong(1); }
    }
}
