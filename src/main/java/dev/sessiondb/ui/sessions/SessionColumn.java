package dev.sessiondb.ui.sessions;

import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.model.SortKey;
import dev.sessiondb.ui.common.ShownTime;
import java.util.Locale;

/** The sessions table's columns, each sorted and filtered by one {@link SortKey}. Cell text is always secret-masked. */
public enum SessionColumn implements QueryColumn, ShownColumn {
    // a wide window's free width goes to the names and branches, which run to 36 characters in Minsky's own store
    // and are cut first, and some to the repository (github.com/owner/name)
    SESSION("Session", SortKey.SESSION, 160, 130, 2),
    TASK("Task", SortKey.TASK_ID, 110, 95, 0),
    REPO("Repo", SortKey.REPO_NAME, 210, 100, 1),
    BRANCH("Branch", SortKey.BRANCH, 140, 80, 2),
    STATUS("Status", SortKey.STATUS, 125, 90, 0),
    CREATED("Created (UTC)", SortKey.CREATED_AT, 150, 140, 0),
    LAST_ACTIVITY("Last activity (UTC)", SortKey.LAST_ACTIVITY_AT, 175, 150, 0);

    private final String header;
    private final SortKey sortKey;
    private final double width;
    private final double minWidth;
    private final int freeWidthShare;

    SessionColumn(String header, SortKey sortKey, double width, double minWidth, int freeWidthShare) {
        this.header = header;
        this.sortKey = sortKey;
        this.width = width;
        this.minWidth = minWidth;
        this.freeWidthShare = freeWidthShare;
    }

    /** The column's id in remembered choices and node ids. */
    @Override
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String header() {
        return header;
    }

    @Override
    public SortKey sortKey() {
        return sortKey;
    }

    public double width() {
        return width;
    }

    /** Wide enough for a whole date or task id; the table scrolls sideways rather than cut them. */
    public double minWidth() {
        return minWidth;
    }

    /** How many parts of the table's free width the column takes when the window is wider than the columns (0: none). */
    public int freeWidthShare() {
        return freeWidthShare;
    }

    /** The cell text: dates as minutes in UTC (the original text when it does not parse), secrets masked. */
    public String text(SessionRecord record) {
        String value = switch (this) {
            case CREATED -> record.createdAt().map(ShownTime::of).orElse("");
            case LAST_ACTIVITY -> record.lastActivityAt().map(ShownTime::of).orElse("");
            default -> sortKey.valueOf(record).orElse("");
        };
        return masked(value);
    }

    @Override
    public String cellText(SessionRow row) {
        return row.text(this);
    }
}
