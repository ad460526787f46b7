package dev.sessiondb.model;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV as the command line and the window write it: commons-csv's quoting, and every cell that a
 * spreadsheet would run as a formula made text (OWASP's rule against CSV injection). A session
 * named {@code =HYPERLINK("http://x")} comes from whoever wrote the store, and a spreadsheet that
 * opens the file would otherwise follow it.
 */
public final class SpreadsheetSafeCsv implements Closeable, Flushable {

    /** What a spreadsheet reads as the start of a formula: =, +, - and @, and a tab or carriage return before one. */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private final CSVPrinter csv;

    /** Starts the CSV with its header line (our own column names, written as they are). */
    public SpreadsheetSafeCsv(Appendable out, List<String> header) throws IOException {
        csv = CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).build().print(out);
    }

    /**
     * One row, each cell made safe. No column is numeric by nature (task ids and dates are text,
     * and any field may hold any text), so a value like -5 is guarded too and shows as '-5: one
     * rule for every cell cannot be talked round by a cell that only looks like a number.
     */
    public void printRow(List<String> cells) throws IOException {
        csv.printRecord(cells.stream().map(SpreadsheetSafeCsv::cell).toList());
    }

    /** The cell as a spreadsheet shows it without running it: a formula's start gets a leading single quote. */
    static String cell(String value) {
        return !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
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
