package dev.sessiondb.cli;

import dev.sessiondb.model.FieldPath;
import dev.sessiondb.model.SecretMasker;
import dev.sessiondb.model.SessionKind;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.model.SortKey;
import dev.sessiondb.model.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The columns {@code ls} prints as a table or CSV: the fields asked for with {@code --columns}, or else the session, the fields
 * its kind is listed by ({@link SessionKind#listedFields}: Minsky's task, repo, branch and status; a chat server's tenant and
 * user; magellai's name and model) and when it was made. The kind is the first listed session's (the store's first when none
 * is listed), as the header is written with it. Each cell is masked as its field: a token can sit in a branch name, a password in a repository URL.
 */
record ListedColumns(List<Column> columns) {

    /** The key and the dates read as every format spells them; any other field by its path. */
    record Column(String name, int width, Function<SessionRecord, String> cell) {
    }

    static ListedColumns of(List<String> asked, Optional<SessionRecord> first) {
        List<String> names = !asked.isEmpty() ? asked
                : Stream.of(List.of("session"), first.map(SessionKind::of).orElse(SessionKind.MINSKY).listedFields(), List.of("createdAt"))
                        .flatMap(List::stream).toList();
        return new ListedColumns(names.stream().map(ListedColumns::column).toList());
    }

    private static Column column(String name) {
        return switch (name) {
            case "session" -> new Column(name, 30, record -> SecretMasker.maskText(name, record.key()));
            case "taskId" -> new Column(name, 10, record -> SecretMasker.maskText(name, record.taskId().orElse("")));
            case "repoName" -> new Column(name, 24, record -> SecretMasker.maskText(name, record.repoName().orElse("")));
            case "branch" -> new Column(name, 30, record -> SecretMasker.maskText(name, record.branch().orElse("")));
            case "status" -> new Column(name, 12, record -> SecretMasker.maskText(name, record.status().orElse("")));
            // a date that is no date is any text
            case "createdAt" -> new Column(name, 24, record -> SecretMasker.maskText(name, record.createdAt().map(Timestamp::text).orElse("")));
            case "lastActivityAt" -> new Column(name, 24, record -> SecretMasker.maskText(name, record.lastActivityAt().map(Timestamp::text).orElse("")));
            default -> new Column(name, 24, new FieldPath(name)::text);
        };
    }

    /** The CSV's header: the fields' names. */
    List<String> names() {
        return columns.stream().map(Column::name).toList();
    }

    /**
     * The table's header: a field the window heads by a name, as it does ({@code tenantId} as {@code TENANT}); any other by its
     * name ({@code taskId} as {@code TASK ID}, a nested field's dots kept).
     */
    List<String> headings() {
        return columns.stream().map(column -> SortKey.labelOf(column.name()).orElseGet(() -> column.name().replaceAll("([a-z])([A-Z])", "$1 $2"))
                .toUpperCase(Locale.ROOT)).toList();
    }

    List<String> cells(SessionRecord record) {
        return columns.stream().map(column -> column.cell().apply(record)).toList();
    }

    /** A record that no longer reads: its key, and what is wrong in the status column (the last where there is none). */
    List<String> damagedCells(String key, String label) {
        List<String> cells = new ArrayList<>(Collections.nCopies(columns.size(), ""));
        int status = names().indexOf("status");
        cells.set(status >= 0 ? status : cells.size() - 1, label);
        cells.set(0, key);
        return cells;
    }

    int width(int column) {
        return columns.get(column).width();
    }
}
