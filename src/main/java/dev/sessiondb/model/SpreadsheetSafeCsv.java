package dev.sessiondb.model;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV as the command line and the window write it: commons-csv's quoting, and every cell a spreadsheet would run or
 * change made text with a leading single quote. A session named {@code =HYPERLINK("http://x")} comes from whoever wrote
 * the store, and a spreadsheet that opens the file would otherwise follow it (OWASP's rule against CSV injection); a
 * task id {@code 004} would show as 4, a 19-digit id as 1.23456789012346E+18, {@code 2025-01-02} as a date and
 * {@code 1e5} as 100000, quoted or not (LibreOffice Calc and Excel read a quoted cell as they read a bare one). A value
 * that itself starts with a single quote gets one more, so that a script gets every value back by removing one leading
 * quote from each cell that has one.
 */
public final class SpreadsheetSafeCsv implements Closeable, Flushable {

    /** What a spreadsheet reads as the start of a formula: =, +, - and @, and a tab or carriage return before one. */
    private static final String FORMULA_STARTS = "=+-@\t\r";
    /** The mark that makes a cell text, and which a script removes once to read the value. */
    private static final char TEXT_MARK = '\'';
    /**
     * Besides digits, what a number, date, time, fraction, percentage or amount is written with ({@code 1e5},
     * {@code (5)}, {@code 1 1/2}, {@code 12:30}, {@code $1,000.50}): a cell of only these and a digit may be converted.
     */
    private static final String NUMBER_CHARACTERS = " .,:/()%$\u20ac\u00a3eE";

    private final CSVPrinter csv;

    /** Starts the CSV with its header line (our own column names, written as they are). */
    public SpreadsheetSafeCsv(Appendable out, List<String> header) throws IOException {
        csv = CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).build().print(out);
    }

    /**
     * One row, each cell made safe. No column is numeric by nature (task ids and dates are text, and any field may hold
     * any text), so every value a spreadsheet would read as a number is marked, {@code 12} too: one rule for every cell
     * cannot be talked round by a cell that only looks like a number.
     */
    public void printRow(List<String> cells) throws IOException {
        csv.printRecord(cells.stream().map(SpreadsheetSafeCsv::cell).toList());
    }

    /** The cell as a spreadsheet shows it, neither run nor converted: a cell that would be gets a leading single quote. */
    static String cell(String value) {
        return runOrConverted(value) ? TEXT_MARK + value : value;
    }

    private static boolean runOrConverted(String value) {
        if (value.isEmpty()) {
            return false;
        }
        char first = value.charAt(0);
        return first == TEXT_MARK || FORMULA_STARTS.indexOf(first) >= 0 || readsAsNumber(value)
                || value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false");
    }

    private static boolean readsAsNumber(String value) {
        boolean digit = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (NUMBER_CHARACTERS.indexOf(c) < 0 && FORMULA_STARTS.indexOf(c) < 0) {
                return false;
            }
        }
        return digit;
    }

    @Override
    public void flush() throws IOException {
        csv.flush();
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
