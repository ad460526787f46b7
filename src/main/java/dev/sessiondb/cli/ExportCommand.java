package dev.sessiondb.cli;

import dev.sessiondb.catalog.CatalogException;
import dev.sessiondb.catalog.KnownStores;
import dev.sessiondb.files.ReadOnlyFileException;
import dev.sessiondb.job.ExportTarget;
import dev.sessiondb.job.JobRefusedException;
import dev.sessiondb.job.backup.Backup;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.model.LoneSurrogateEscapes;
import dev.sessiondb.model.SecretMasker;
import dev.sessiondb.model.SessionDocument;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.store.SessionLookup;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreLocator;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

@Command(name = "export", description = {"Export one session: the whole record as JSON, or a Markdown transcript of its conversation"
        + " (magellai and chat-server sessions).", "Secrets are masked in both."})
final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "STORE", description = "The store: a path, json:PATH, sqlite:PATH, jsondir:PATH or postgresql://user@host/db.")
    String store;

    @Parameters(index = "1", paramLabel = "SESSION", description = "The session: its key, or its task id in any form (#079, 079, md#079).")
    String session;

    @Option(names = "--format", description = "json or markdown (default: json).", converter = FormatConverter.class)
    SessionDocument.Format format = SessionDocument.Format.JSON;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = {"Write to this file (atomically) instead of standard output.",
            "Never a session store, the store read or a file in a folder store; an existing file only with --force."})
    Path output;

    @Option(names = "--force", description = "Replace the --output file when it exists already: a file that is"
            + " no session store, or an earlier export that reads as a JSON store SessionDB Admin does not keep, backed up first.")
    boolean force;

    @Mixin
    BackupDirOption backupDir;

    @Override
    public Integer call() {
        refuseOutputOptionsWithoutOutput();
        String document;
        String key;
        StoreLocator source;
        ExportTarget target = null;
        try (SessionStore opened = StoreArgument.openExisting(store)) {
            source = opened.locator();
            if (output != null) {
                target = writable(output, source);
            }
            SessionRecord record = SessionLookup.find(opened, session);
            key = record.key();
            try {
                document = SessionDocument.write(record, format);
            } catch (IllegalArgumentException noConversation) {
                throw new StoreException(opened.locator().display() + ": " + noConversation.getMessage());
            }
        }
        if (output == null) {
            spec.commandLine().getOut().print(document);
            spec.commandLine().getOut().flush();
        } else {
            BackupJournal journal = backupDir.journal(Notices.of(spec.commandLine()));
            Optional<Backup> replaced;
            try {
                replaced = target.write(source, journal, out -> {
                    // as standard output shows it: a Markdown transcript holds a cut emoji as its escape
                    Writer text = LoneSurrogateEscapes.around(new OutputStreamWriter(out, StandardCharsets.UTF_8));
                    text.write(document);
                    text.flush();
                });
            } catch (ReadOnlyFileException readOnly) {
                throw new StoreException(output + " is read-only (its owner may not write it); nothing was written; make it writable (chmod u+w "
                        + output + ") to replace it, or choose another file", readOnly);
            } catch (IOException e) {
                throw new StoreException(output + ": cannot write the export (" + e.getMessage() + "); check the folder exists and is writable", e);
            }
            Notices.of(spec.commandLine()).done("Exported session '" + SecretMasker.maskText("session", key) + "' to " + output + " (secrets masked)"
                    + ExportTarget.replacedNote(replaced, journal));
        }
        return SessionDbCommand.OK;
    }

    /** {@code --force} and {@code --backup-dir} say how to write the --output file; without one they would be ignored unseen. */
    private void refuseOutputOptionsWithoutOutput() {
        if (output != null) {
            return;
        }
        var given = spec.commandLine().getParseResult();
        List<String> outputOnly = List.of("--force", "--backup-dir").stream().filter(given::hasMatchedOption).toList();
        if (!outputOnly.isEmpty()) {
            throw new IllegalArgumentException(String.join(" and ", outputOnly) + (outputOnly.size() == 1 ? " goes" : " go")
                    + " with --output FILE (replacing that file, and where its backup goes); standard output has nothing to replace;"
                    + " nothing was exported; add --output FILE, or leave " + (outputOnly.size() == 1 ? "it" : "them") + " out");
        }
    }

    /**
     * Refused before the export is written: a store, the store read, a file in a folder store, a file in no folder, or an existing
     * file without --force.
     */
    private ExportTarget writable(Path file, StoreLocator source) {
        ExportTarget target = ExportTarget.check(file, source, this::keptStores);
        Path folder = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(folder)) {
            // said before the session is read, and without the name of the temporary file the write would have failed on
            throw new JobRefusedException(file + ": " + (Files.exists(folder) ? folder + " is a file, not a folder" : "the folder " + folder
                    + " does not exist") + "; nothing was written; choose a file in an existing folder, or create the folder first");
        }
        if (target.exists() && !force) {
            throw new JobRefusedException(target.earlierExport().isPresent()
                    ? target.earlierExportText() + "; nothing was written; add --force to replace it after a backup of it,"
                            + " or choose another file"
                    : file + " exists already; nothing was written; add --force to replace it, or choose another file");
        }
        return target;
    }

    private List<StoreLocator> keptStores() {
        try {
            return KnownStores.in(backupDir.folder());
        } catch (CatalogException unreadable) {
            throw new JobRefusedException("cannot tell whether " + output + " is a store SessionDB Admin keeps: " + unreadable.getMessage()
                    + "; nothing was written; or pass --backup-dir with the folder of the catalog, or choose another file");
        }
    }

    /** "json" or "markdown", as the user types them. */
    static final class FormatConverter implements CommandLine.ITypeConverter<SessionDocument.Format> {
        @Override
        public SessionDocument.Format convert(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "json" -> SessionDocument.Format.JSON;
                case "markdown", "md" -> SessionDocument.Format.MARKDOWN;
                default -> throw new CommandLine.TypeConversionException(SessionDbCommand.TAKES_ONE_OF + "json, markdown, not '" + value + "'");
            };
        }
    }
}
