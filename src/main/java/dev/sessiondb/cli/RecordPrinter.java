package dev.sessiondb.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.RecordDamage;
import dev.sessiondb.model.SecretMasker;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.model.SpreadsheetSafeCsv;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jline.utils.WCWidth;

/**
 * Prints sessions one at a time (so a million stream through) as a table, a JSON array in
 * Minsky's camelCase form with unknown fields kept, or CSV (spreadsheet-safe), the table and CSV in {@link ListedColumns}.
 * Secrets are always masked.
 * A record whose stored text no longer reads (its stand-in) is a row of its own, its key and a note saying so.
 */
final class RecordPrinter implements AutoCloseable {

    /** In an unreadable record's row, after what it is, in place of its fields. */
    private static final String DAMAGED_TODO = ": run sessiondb validate --check store-damage";

    private final OutputFormat format;
    private final List<String> askedColumns;
    private final PrintWriter out;
    private final JsonGenerator json;
    private SpreadsheetSafeCsv csv;
    private long printed;
    /** Chosen with the header, by the first record printed. */
    private ListedColumns columns;
    private boolean started;
    private boolean finished;
    private final List<RecordDamage> damaged = new ArrayList<>();
    /** The asked columns some printed session filled: one no session filled is likely a field's name mistyped. */
    private final BitSet filled = new BitSet();

    /** @param askedColumns the table's or CSV's fields ({@code --columns}); none for those of the listed sessions' kind */
    RecordPrinter(OutputFormat format, List<String> askedColumns, PrintWriter out) {
        this.format = format;
        this.askedColumns = List.copyOf(askedColumns);
        this.out = out;
        try {
            json = format == OutputFormat.JSON ? JsonCodec.MAPPER.createGenerator(out).setPrettyPrinter(JsonCodec.minskyPrettyPrinter()) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void print(SessionRecord record) {
        start(record.damage().isPresent() ? Optional.empty() : Optional.of(record));
        printed++;
        if (record.damage().isPresent()) {
            printDamaged(record, record.damage().get());
            return;
        }
        try {
            switch (format) {
                case JSON -> JsonCodec.MAPPER.writeTree(json, record.maskedFields());
                case CSV -> csv.printRow(filling(columns.cells(record)));
                case TABLE -> printRow(filling(columns.cells(record)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> filling(List<String> cells) {
        for (int column = 0; column < cells.size(); column++) {
            if (!cells.get(column).isEmpty()) {
                filled.set(column);
            }
        }
        return cells;
    }

    /** The fields {@code --columns} asked for that none of the printed sessions has; none when no session was printed as a row. */
    List<String> askedButEmpty() {
        if (askedColumns.isEmpty() || filled.isEmpty()) {
            return List.of();
        }
        List<String> empty = new ArrayList<>();
        for (int column = 0; column < askedColumns.size(); column++) {
            if (!filled.get(column)) {
                empty.add(askedColumns.get(column));
            }
        }
        return empty;
    }

    /** The table's or the CSV's header or the JSON array's start, written with the first record or the end: a listing failing before either prints nothing. */
    private void start(Optional<SessionRecord> first) {
        if (started) {
            return;
        }
        started = true;
        columns = ListedColumns.of(askedColumns, first);
        try {
            if (json != null) {
                json.writeStartArray();
            }
            if (format == OutputFormat.CSV) {
                csv = new SpreadsheetSafeCsv(out, columns.names());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (format == OutputFormat.TABLE) {
            printRow(columns.headings());
        }
    }

    private void printDamaged(SessionRecord unreadable, RecordDamage damage) {
        damaged.add(damage);
        String key = SecretMasker.maskText("session", unreadable.key());
        try {
            switch (format) {
                case JSON -> JsonCodec.MAPPER.writeTree(json, unreadable.maskedFields().put("damagedRecord", damage.what()));
                case CSV -> csv.printRow(columns.damagedCells(key, damage.label()));
                case TABLE -> out.println(fitted(TerminalText.cell(key), columns.width(0)) + "  " + damage.label() + DAMAGED_TODO);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long printed() {
        return printed;
    }

    /** The damage of each record printed as its stand-in, in the order printed. */
    List<RecordDamage> damaged() {
        return List.copyOf(damaged);
    }

    /**
     * Ends the output; the table gets a count line, which scripts reading JSON or CSV never see.
     *
     * @param range       which of the matching sessions were printed, for that line
     * @param storesFirst a session of the store, read only when none was printed: its kind names the columns of an empty listing
     */
    void finish(ListedRange range, Supplier<Optional<SessionRecord>> storesFirst) {
        if (!started) {
            start(storesFirst.get().filter(record -> record.damage().isEmpty()));
        }
        finished = true;
        try {
            if (json != null) {
                json.writeEndArray();
                json.flush();
                out.println();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (format == OutputFormat.TABLE) {
            out.printf("%s%s%n", range.countLine(printed), damaged.isEmpty() ? "" : String.format(", %,d of them unreadable (%s)", damaged.size(),
                    damaged.stream().map(RecordDamage::label).distinct().collect(Collectors.joining(", "))));
        }
    }

    /**
     * Flushes what was printed; a listing that failed ends without its count line (it is not the store's count), and a
     * table it began says that it is cut short.
     */
    @Override
    public void close() {
        if (format == OutputFormat.TABLE && started && !finished) {
            out.printf("(listing stopped after %,d session%s by the error below: not the whole store)%n", printed, printed == 1 ? "" : "s");
        }
        try {
            if (json != null) {
                json.flush();
            }
            if (csv != null) {
                csv.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
    }

    private void printRow(List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            line.append(fitted(TerminalText.cell(cells.get(i)), columns.width(i))).append("  ");
        }
        out.println(line.toString().stripTrailing());
    }

    /**
     * A cell padded or cut to {@code columns} terminal columns, counted as a terminal draws them: a CJK character or an
     * emoji takes two, a combining accent none (by length, a row holding 名前 pushed every later column right).
     */
    static String fitted(String cell, int columns) {
        int width = columns(cell);
        if (width <= columns) {
            return cell + " ".repeat(columns - width);
        }
        StringBuilder cut = new StringBuilder();
        int used = 0;
        for (int i = 0; i < cell.length(); ) {
            int codePoint = cell.codePointAt(i);
            int next = used + columns(codePoint);
            if (next > columns - 1) {
                break;
            }
            cut.appendCodePoint(codePoint);
            used = next;
            i += Character.charCount(codePoint);
        }
        return cut.append('…').append(" ".repeat(columns - 1 - used)).toString();
    }

    private static int columns(String text) {
        return text.codePoints().map(RecordPrinter::columns).sum();
    }

    private static int columns(int codePoint) {
        return Math.max(0, WCWidth.wcwidth(codePoint));
    }
}
