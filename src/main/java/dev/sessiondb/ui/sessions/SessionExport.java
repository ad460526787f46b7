package dev.sessiondb.ui.sessions;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.sessiondb.catalog.KnownStores;
import dev.sessiondb.job.ExportTarget;
import dev.sessiondb.job.backup.Backup;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.LoneSurrogateEscapes;
import dev.sessiondb.model.Page;
import dev.sessiondb.model.SessionQuery;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.model.SpreadsheetSafeCsv;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Writes the sessions of a query (what the table shows, in its order) to a file: CSV with the
 * table's columns (spreadsheet-safe), or JSON with whole records. Secrets are masked, and half of
 * a surrogate pair is written as its escape, as the command line writes it. The file appears only
 * when complete; a cancelled export leaves nothing behind. It is never the store read nor any
 * other session store, except an earlier export, which is backed up before it is replaced.
 */
public final class SessionExport {

    /** Large batches: a file store reads itself once per batch. */
    private static final int BATCH = 5000;

    public enum Format {
        CSV("csv"), JSON("json");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        public String extension() {
            return extension;
        }
    }

    private SessionExport() {
    }

    /**
     * What an export wrote.
     *
     * @param sessions how many sessions
     * @param replaced the backup of the earlier export the file held, when it held one
     */
    public record Written(long sessions, Optional<Backup> replaced) {
    }

    /** @param journal where an earlier export the file holds is backed up before it is replaced, and the catalog of the stores the app keeps */
    public static Written write(SessionStore store, SessionQuery query, Format format, Path file, BackupJournal journal, ProgressMonitor monitor)
            throws IOException {
        // the file chooser asked before replacing a file; a store is refused here, naming the file
        ExportTarget target = ExportTarget.check(file, store.locator(), () -> KnownStores.in(journal.root()));
        long[] written = new long[1];
        Optional<Backup> replaced = target.write(store.locator(), journal, out -> {
            try (Writer text = LoneSurrogateEscapes.around(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)))) {
                written[0] = format == Format.CSV ? writeCsv(store, query, text, monitor) : writeJson(store, query, text, monitor);
            }
        });
        return new Written(written[0], replaced);
    }

    private static long writeCsv(SessionStore store, SessionQuery query, Writer out, ProgressMonitor monitor) throws IOException {
        List<SessionColumn> columns = List.of(SessionColumn.values());
        try (SpreadsheetSafeCsv csv = new SpreadsheetSafeCsv(out, columns.stream().map(SessionColumn::header).toList())) {
            return forEach(store, query, monitor, record -> csv.printRow(columns.stream().map(column -> column.text(record)).toList()));
        }
    }

    private static long writeJson(SessionStore store, SessionQuery query, Writer out, ProgressMonitor monitor) throws IOException {
        try (JsonGenerator json = JsonCodec.MAPPER.createGenerator(out).setPrettyPrinter(JsonCodec.minskyPrettyPrinter())) {
            json.writeStartArray();
            long written = forEach(store, query, monitor, record -> JsonCodec.MAPPER.writeTree(json, record.maskedFields()));
            json.writeEndArray();
            return written;
        }
    }

    private interface RecordWriter {
        void write(SessionRecord record) throws IOException;
    }

    /** A page lists a damaged record as its stand-in; an export, as every job copying records, refuses it instead of writing its key alone. */
    private static void refuseDamaged(SessionStore store, SessionRecord record) {
        record.damage().ifPresent(damage -> {
            throw new StoreException(store.locator().display() + ": " + damage.what() + "; " + damage.todo());
        });
    }

    private static long forEach(SessionStore store, SessionQuery query, ProgressMonitor monitor, RecordWriter writer) throws IOException {
        long done = 0;
        long total = -1;
        while (true) {
            Page page = store.page(query.page(done, BATCH));
            total = page.totalMatching();
            for (SessionRecord record : page.records()) {
                monitor.checkCancelled();
                refuseDamaged(store, record);
                writer.write(record);
                done++;
            }
            monitor.progress(done, total);
            if (page.records().size() < BATCH || done >= total) {
                return done;
            }
        }
    }
}
