package dev.sessiondb.validation;

import dev.sessiondb.store.SchemaGap;
import dev.sessiondb.store.StoreLayout;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.StoreProviders;
import java.util.function.Consumer;

/**
 * A store in Minsky's layout whose table lacks columns Minsky writes, as the store's provider
 * tells: Minsky's SQLite writer silently dropped PR data on a table without {@code prState}.
 * Missing columns Minsky needs are errors; missing newer columns mean an older schema.
 */
final class SchemaDriftCheck implements Check {

    private final StoreLocator locator;
    private final StoreLayout layout;

    SchemaDriftCheck(StoreLocator locator, StoreLayout layout) {
        this.locator = locator;
        this.layout = layout;
    }

    @Override
    public String name() {
        return "schema-drift";
    }

    @Override
    public void finish(Consumer<Finding> findings) {
        for (SchemaGap gap : StoreProviders.of(locator).schemaGaps(locator, layout)) {
            if (gap.column().equals("sessions")) {
                findings.accept(Finding.of(this, Severity.ERROR, null, "the database has no sessions table",
                        "point Minsky at the right database, or " + gap.fix()));
            } else {
                findings.accept(Finding.of(this, gap.required() ? Severity.ERROR : Severity.WARNING, null,
                        "the sessions table has no column " + gap.column() + (gap.required()
                                ? "; what Minsky writes there is silently dropped" : "; the schema predates Minsky's 2026 fields"),
                        "add it: " + gap.fix()));
            }
        }
    }
}
