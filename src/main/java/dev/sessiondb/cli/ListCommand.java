package dev.sessiondb.cli;

import dev.sessiondb.model.FieldFilter;
import dev.sessiondb.model.Page;
import dev.sessiondb.model.SessionQuery;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.model.SortKey;
import dev.sessiondb.model.TaskId;
import dev.sessiondb.store.RecordCursor;
import dev.sessiondb.store.SessionStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "ls", description = {"List sessions, with search, filters and sorting.",
        "A session whose stored record no longer reads is listed with a note, and named on stderr with what to do; the exit code is then 1."})
final class ListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "STORE", description = "The store; default: the one the environment selects.")
    String store;

    @Option(names = "--search", paramLabel = "TEXT", description = "Case-insensitive text in session, task id, repo name or branch; in a chat server's sessions also tenantId, userId and what their messages say, in magellai's name, conversation.model and messages. A task id may be typed in any qualified form: md#123 and task#123 also find #123.")
    String search = "";

    @Option(names = "--filter", paramLabel = "FIELD=VALUE", description = "Exact match on a field ls sorts by (see --sort); repeatable.")
    Map<String, String> filters = Map.of();

    @Option(names = "--without", paramLabel = "FIELD", description = "Only sessions with no value in this field (one --sort takes): the window's \"(empty)\" filter;"
            + " repeatable.", completionCandidates = Fields.class)
    List<String> without = List.of();

    @Option(names = "--task", paramLabel = "ID", description = "Only the sessions of this task, its id in any form the stores mix: 79, #079 and md#079 are one task.")
    String task;

    @Option(names = "--sort", paramLabel = "FIELD", description = "Sort by session, taskId, repoName, branch, status, createdAt or lastActivityAt, or by a chat server's tenantId"
            + " or userId, or magellai's name or conversation.model, as text (default: store order); -FIELD sorts descending, as --desc does.",
            completionCandidates = Fields.class)
    String sort;

    @Option(names = "--desc", description = "Sort descending; goes with --sort.")
    boolean descending;

    @Option(names = "--limit", paramLabel = "N", description = "At most N sessions, 1 or more (default: all).")
    Integer limit;

    @Option(names = "--offset", paramLabel = "N", description = "Skip the first N sessions.")
    long offset;

    @Option(names = "--format", description = "table, json or csv (default: ${DEFAULT-VALUE}).")
    OutputFormat format = OutputFormat.TABLE;

    @Option(names = "--columns", split = ",", paramLabel = "FIELD", description = "The table's or CSV's columns, any fields by name or"
            + " dotted path (session,tenantId,pullRequest.state); default: the session, the fields of the sessions' kind (Minsky's"
            + " taskId, repoName, branch, status; a chat server's tenantId, userId; magellai's name, conversation.model) and createdAt.")
    List<String> columns = List.of();

    @Override
    public Integer call() {
        if (descending && sort == null) {
            // without a sort the store's own order streams: --desc alone would list it ascending, as if it were not given
            throw new CommandLine.ParameterException(spec.commandLine(), "--desc reverses the order --sort FIELD gives, and no --sort was"
                    + " given; add one, as in --sort createdAt --desc");
        }
        if (limit != null && limit < 1) {
            // --limit 0 printed an empty table ending "no session after the first 0 of 217", as if the store held no more
            throw new CommandLine.ParameterException(spec.commandLine(), "--limit " + limit + ": give a number of sessions, 1 or more,"
                    + " or leave --limit out to list them all");
        }
        if (offset < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--offset " + offset + ": give how many sessions to skip, 0 or more");
        }
        // --sort -createdAt, as other tools spell a descending sort: the minus is not folded away as a separator in a name is
        boolean minus = sort != null && sort.startsWith("-");
        SessionQuery query = new SessionQuery(search, filters(), sort == null ? SortKey.SESSION : sortKey("--sort", minus ? sort.substring(1) : sort),
                descending || minus, null, offset, limit == null ? Integer.MAX_VALUE : limit);
        Optional<TaskId> wantedTask = wantedTask();
        boolean filtered = !search.isBlank() || !query.filters().isEmpty() || wantedTask.isPresent();
        boolean counted = format == OutputFormat.TABLE; // only the table has a count line
        List<String> damaged;
        List<String> emptyColumns;
        List<FieldFilter> heldByNone;
        String storeShown;
        try (SessionStore whole = StoreArgument.openExisting(store);
             RecordPrinter printer = new RecordPrinter(format, columns(), spec.commandLine().getOut())) {
            SessionStore opened = whole.markingUnreadable();
            // a limited search or filter in a store read in key order is a page: the store's indexes answer it
            boolean pageInStoreOrder = limit != null && (!search.isBlank() || !query.filters().isEmpty()) && opened.cursorInKeyOrder();
            // a search in a SQL store is not counted past its page: a broad one in a large store takes seconds to count
            boolean countedFree = counted && (!filtered || opened.searchReadsEveryRecord());
            OptionalLong matching;
            FieldsNoneHas fieldsNoneHas = new FieldsNoneHas(query);
            boolean readEvery = wantedTask.isPresent() || sort == null && !pageInStoreOrder;
            if (wantedTask.isPresent()) {
                matching = OptionalLong.of(listTask(opened, query, wantedTask.get(), printer, fieldsNoneHas));
            } else if (sort == null && !pageInStoreOrder) {
                matching = streamInStoreOrder(opened, query, printer, countedFree && filtered, fieldsNoneHas);
            } else if (countedFree) {
                Page page = opened.page(query);
                page.records().forEach(printer::print);
                matching = OptionalLong.of(page.totalMatching());
            } else {
                opened.pageRecords(query).forEach(printer::print);
                matching = OptionalLong.empty();
            }
            boolean cut = query.offset() > 0 || printer.printed() >= query.limit();
            if (cut && matching.isEmpty() && countedFree && !filtered) {
                matching = OptionalLong.of(opened.count());
            }
            printer.finish(new ListedRange(query.offset(), cut, matching, filtered),
                    () -> opened.pageRecords(SessionQuery.all().page(0, 1)).stream().findFirst());
            damaged = printer.damaged().stream().map(damage -> opened.locator().display() + ": " + damage.what() + "; " + damage.todo()).toList();
            emptyColumns = printer.askedButEmpty();
            // a listing that found none read every session when it read them itself; a page the store answered asks it
            heldByNone = printer.printed() > 0 ? List.of() : readEvery ? fieldsNoneHas.afterReadingEvery() : fieldsNoneHas.askedOf(opened);
            storeShown = opened.locator().display();
        }
        // after the listing, each damaged record it showed is named with what to do: found, as validate's findings are
        Notices notices = Notices.of(spec.commandLine());
        damaged.forEach(notices::problem);
        // an empty column exits 0 like any listing, but a mistyped field would otherwise pass unseen
        emptyColumns.forEach(field -> notices.note("--columns '" + field + "': none of the sessions listed has this field; fields are named as"
                + " the records spell them, a nested one by its dotted path (sessiondb show " + storeShown + " SESSION prints a record whole)"));
        // "0 sessions" alone made the value look wrong where the field is one the store's sessions never have
        heldByNone.forEach(filter -> notices.note("--filter '" + filter.field().fieldName() + "=" + filter.value().orElseThrow() + "': none of the"
                + " sessions in " + storeShown + " has this field, so none can match; filter by a field its sessions have (sessiondb show "
                + storeShown + " SESSION prints a record whole)"));
        return damaged.isEmpty() ? SessionDbCommand.OK : SessionDbCommand.FOUND;
    }

    /**
     * Without a sort, records stream in the store's own order: constant memory for any size. Returns how many
     * sessions match when the read went to the end, which {@code countToEnd} asks of it past the last one printed.
     */
    private static OptionalLong streamInStoreOrder(SessionStore store, SessionQuery query, RecordPrinter printer, boolean countToEnd,
                                                   FieldsNoneHas fieldsNoneHas) {
        long matched = 0;
        try (RecordCursor cursor = store.cursor()) {
            while (cursor.hasNext() && (countToEnd || printer.printed() < query.limit())) {
                SessionRecord record = cursor.next();
                fieldsNoneHas.read(record);
                if (query.matches(record) && matched++ >= query.offset() && printer.printed() < query.limit()) {
                    printer.print(record);
                }
            }
            return cursor.hasNext() ? OptionalLong.empty() : OptionalLong.of(matched);
        }
    }

    /**
     * A task's sessions are few, but no index knows that #079 and md#79 are one task: the store is
     * read once, in its own order, and the matches sorted when asked. Returns how many match.
     */
    private long listTask(SessionStore store, SessionQuery query, TaskId wanted, RecordPrinter printer, FieldsNoneHas fieldsNoneHas) {
        List<SessionRecord> matches = new ArrayList<>();
        try (RecordCursor cursor = store.cursor()) {
            cursor.forEachRemaining(record -> {
                fieldsNoneHas.read(record);
                if (query.matches(record) && wanted.isTaskOf(record)) {
                    matches.add(record);
                }
            });
        }
        if (sort != null) {
            matches.sort(query.comparator());
        }
        matches.stream().skip(query.offset()).limit(query.limit()).forEach(printer::print);
        return matches.size();
    }

    private Optional<TaskId> wantedTask() {
        if (task == null) {
            return Optional.empty();
        }
        return Optional.of(TaskId.parse(task).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                "--task '" + task + "' is not a task id; give its number, as 79, #079 or md#079")));
    }

    private List<String> columns() {
        List<String> asked = columns.stream().map(String::strip).toList();
        if (asked.contains("")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--columns '" + String.join(",", columns)
                    + "' names an empty field; give field names separated by commas, as session,tenantId,createdAt");
        }
        if (!asked.isEmpty() && format == OutputFormat.JSON) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--columns picks a table's or CSV's columns; --format json prints"
                    + " every field of each session: leave one of them out");
        }
        return asked;
    }

    private List<FieldFilter> filters() {
        List<FieldFilter> result = new ArrayList<>();
        filters.forEach((field, value) -> result.add(new FieldFilter(sortKey("--filter", field), value)));
        without.forEach(field -> result.add(FieldFilter.withoutValue(sortKey("--without", field))));
        return result;
    }

    /** The fields a listing sorts and filters by, as a shell completes them. */
    static final class Fields implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(SortKey.values()).map(SortKey::fieldName).iterator();
        }
    }

    /** The field an option names; one it does not sort or filter by is refused naming the option, as three options take fields. */
    private SortKey sortKey(String option, String field) {
        String wanted = field.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
        for (SortKey key : SortKey.values()) {
            if (key.fieldName().replace("_", "").replace("-", "").toLowerCase(Locale.ROOT).equals(wanted)) {
                return key;
            }
        }
        throw new CommandLine.ParameterException(spec.commandLine(), option + " '" + field + "' is not a field ls sorts or filters by;"
                + " use " + String.join(", ", new Fields()));
    }
}
