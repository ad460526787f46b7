package dev.sessiondb.ui.diff;

import dev.sessiondb.diff.DiffInputs;
import dev.sessiondb.diff.DiffListener;
import dev.sessiondb.diff.DiffSummary;
import dev.sessiondb.diff.FieldChange;
import dev.sessiondb.diff.SessionChange;
import dev.sessiondb.diff.SessionsCompared;
import dev.sessiondb.diff.StoreDiff;
import dev.sessiondb.model.SecretMasker;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.SessionLookup;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.ui.common.BackgroundTask;
import dev.sessiondb.ui.common.DialogService;
import dev.sessiondb.ui.common.LocatorInput;
import dev.sessiondb.ui.common.StoreField;
import dev.sessiondb.ui.common.StoreNames;
import dev.sessiondb.ui.common.StoreOpener;
import dev.sessiondb.ui.common.TaskExecutor;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Compares two stores (or two sessions, in one store or two) with the engine's diff in the
 * background: the summary, a table of the differences, and for the selected one both records
 * side by side with the changed fields marked down nested paths. Secrets are masked throughout.
 */
public final class DiffViewModel {

    /** The table keeps this many differences; the summary counts them all. */
    public static final int ROW_LIMIT = 10_000;

    private final StoreField storeA;
    private final StoreField storeB;
    private final StringProperty sessionA = new SimpleStringProperty("");
    private final StringProperty sessionB = new SimpleStringProperty("");
    private final StringProperty newIgnored = new SimpleStringProperty("");
    private final ObservableList<String> ignored = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<DiffSummary> summary = new ReadOnlyObjectWrapper<>();
    private final ObservableList<DiffRow> rows = FXCollections.observableArrayList();
    private final ObservableList<FieldRow> comparison = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<DiffRow> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper comparedTitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Choose two stores and press Compare.");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final LocatorInput locators;
    private final StoreOpener opener;
    private Compared compared;

    /** The two stores of the last comparison, open so that a selected difference loads quickly. */
    private record Compared(SessionStore a, SessionStore b, Set<String> ignored) implements AutoCloseable {
        @Override
        public void close() {
            a.close();
            if (b != a) {
                b.close();
            }
        }
    }

    /** What a comparison found: the counts and the first differences. */
    private record Result(Compared stores, DiffSummary summary, List<DiffRow> rows) {
    }

    public DiffViewModel(TaskExecutor executor, DialogService dialogs, LocatorInput locators, StoreOpener opener) {
        this.storeA = StoreField.existing("Store A", dialogs);
        this.storeB = StoreField.existing("Store B", dialogs);
        this.executor = executor;
        this.dialogs = dialogs;
        this.locators = locators;
        this.opener = opener;
    }

    // Properties

    /** The first store compared: its text and Browse. */
    public StoreField storeA() {
        return storeA;
    }

    /** The second store compared: its text and Browse. */
    public StoreField storeB() {
        return storeB;
    }

    /** A session of A to compare on its own with {@link #sessionBProperty}'s, or with the same one of B; empty compares whole stores. */
    public StringProperty sessionAProperty() {
        return sessionA;
    }

    public StringProperty sessionBProperty() {
        return sessionB;
    }

    /** The field path the user is typing into the ignore box. */
    public StringProperty newIgnoredProperty() {
        return newIgnored;
    }

    /** Fields left out of the comparison (dotted paths; everything below them too). */
    public ObservableList<String> ignored() {
        return ignored;
    }

    public ReadOnlyObjectProperty<DiffSummary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ObservableList<DiffRow> rows() {
        return rows;
    }

    /** The difference whose records {@link #comparison} lays out; the only one of two sessions compared comes selected. */
    public ReadOnlyObjectProperty<DiffRow> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** The selected difference, both records field by field. */
    public ObservableList<FieldRow> comparison() {
        return comparison;
    }

    public ReadOnlyStringProperty comparedTitleProperty() {
        return comparedTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    // Commands

    public void addIgnored() {
        String path = newIgnored.get() == null ? "" : newIgnored.get().strip();
        if (!path.isEmpty() && !ignored.contains(path)) {
            ignored.add(path);
        }
        newIgnored.set("");
    }

    public void removeIgnored(String path) {
        ignored.remove(path);
    }

    /** Compares in the background; the previous result stays until the new one is ready, and goes if there is none. */
    public void compare() {
        if (sessionA.get().isBlank() && !sessionB.get().isBlank()) {
            forgetResult();
            status.set("The session in B is the second of a pair: name the session of A to compare it with, or clear it to compare"
                    + " the whole stores. Nothing was compared.");
            return;
        }
        busy.set(true); // the view waits while a PostgreSQL server is asked whether it wants a password
        locators.resolve(List.of(storeA.choice(), storeB.choice()), resolved -> {
            busy.set(false);
            resolved.ifPresent(stores -> compare(stores.get(0), stores.get(1)));
        });
    }

    private void compare(StoreLocator a, StoreLocator b) {
        Set<String> ignoring = new LinkedHashSet<>(ignored);
        boolean twoSessions = !sessionA.get().isBlank();
        String keyA = sessionA.get().strip();
        // A's session alone is compared with the same one of B, as `diff --session` does
        String keyB = sessionB.get().isBlank() ? keyA : sessionB.get().strip();
        busy.set(true);
        status.set("Comparing " + a.display() + " with " + b.display() + " …");
        executor.execute(BackgroundTask.of("Diff " + StoreNames.shortName(a) + " ↔ " + StoreNames.shortName(b), monitor -> {
            Compared stores = open(a, b, ignoring, twoSessions);
            try {
                return twoSessions ? compareSessions(stores, keyA, keyB) : compareStores(stores, monitor);
            } catch (RuntimeException failure) {
                stores.close();
                throw failure;
            }
        }).showInJobs().onSuccess(this::show).onCancelled(stopped -> {
            busy.set(false);
            status.set("Comparison cancelled.");
        }).onFailure(failure -> {
            forgetResult();
            status.set("Cannot compare.");
            dialogs.showError("Cannot compare the stores", SecretMasker.maskText(null, failure.getMessage()));
        }));
    }

    /** Loads both records of a difference and lays them side by side. */
    public void select(DiffRow row) {
        Compared stores = compared;
        if (row != null && row.equals(selected.get())) {
            return; // the table showing the ViewModel's own selection: the records are read already
        }
        selected.set(row);
        if (row == null || stores == null) {
            comparison.clear();
            comparedTitle.set("");
            return;
        }
        executor.execute(BackgroundTask.of("Read " + row.session(), monitor -> {
            Optional<SessionRecord> a = row.kind() == DiffRow.Kind.ONLY_IN_B ? Optional.empty() : stores.a().get(row.key());
            Optional<SessionRecord> b = row.kind() == DiffRow.Kind.ONLY_IN_A ? Optional.empty() : stores.b().get(row.keyB());
            return SideBySide.compare(a, b, stores.ignored());
        }).onSuccess(laidOut -> {
            comparison.setAll(laidOut);
            comparedTitle.set(row.session() + ": " + row.kind().inSentence()
                    + (row.changedFields() == 1 ? ", 1 field differs" : row.changedFields() > 1 ? ", " + row.changedFields() + " fields differ" : ""));
        }).onFailure(failure -> dialogs.showError("Cannot read " + row.session(), failure.getMessage())));
    }

    /** Two sessions may come from one store; two whole stores may not be one. */
    private Compared open(StoreLocator a, StoreLocator b, Set<String> ignoring, boolean twoSessions) {
        DiffInputs.refuseEmptyFiles(a, b);
        if (!twoSessions) {
            DiffInputs.refuseTheSameStoreTwice(a, b);
        }
        SessionStore first = opener.open(a);
        try {
            return new Compared(first, a.equals(b) ? first : opener.open(b), ignoring);
        } catch (RuntimeException failure) {
            first.close();
            throw failure;
        }
    }

    private static Result compareStores(Compared stores, ProgressMonitor monitor) {
        List<DiffRow> found = new ArrayList<>();
        DiffSummary counted = new StoreDiff(stores.ignored()).compare(stores.a(), stores.b(), new DiffListener() {
            @Override
            public void onlyInA(String session) {
                add(new DiffRow(session, session, shown(session), DiffRow.Kind.ONLY_IN_A, 0, ""));
            }

            @Override
            public void onlyInB(String session) {
                add(new DiffRow(session, session, shown(session), DiffRow.Kind.ONLY_IN_B, 0, ""));
            }

            @Override
            public void changed(SessionChange change) {
                add(changedRow(change.session(), change.fields()));
            }

            private void add(DiffRow row) {
                if (found.size() < ROW_LIMIT) {
                    found.add(row);
                }
            }
        }, monitor);
        return new Result(stores, counted, found);
    }

    /** Each key is found as {@code show} finds it: as typed, or by its task id in any form (#002, 002, md#002). */
    private static Result compareSessions(Compared stores, String keyA, String keyB) {
        SessionRecord a = lookUp("A", stores.a(), keyA);
        SessionRecord b = lookUp("B", stores.b(), keyB);
        DiffInputs.refuseTheSameSessionTwice(stores.a().locator(), a.key(), stores.b().locator(), b.key());
        SessionsCompared compared = new StoreDiff(stores.ignored()).compareSessions(stores.a(), stores.b(), a, b);
        List<FieldChange> changes = compared.changes();
        String shown = a.key().equals(b.key()) ? shown(a.key()) : shown(a.key()) + " in A, " + shown(b.key()) + " in B";
        DiffRow row = changes.isEmpty() ? new DiffRow(a.key(), b.key(), shown, DiffRow.Kind.IDENTICAL, 0, "")
                : new DiffRow(a.key(), b.key(), shown, DiffRow.Kind.CHANGED, changes.size(), paths(changes));
        return new Result(stores, compared.summary(), List.of(row));
    }

    /** The session of one side, or a message naming that side and where the window lists the store's sessions. */
    private static SessionRecord lookUp(String side, SessionStore store, String key) {
        try {
            return SessionLookup.find(store, key, "open the store and pick the session's name from its Sessions tab (a task id such as #027 finds it too)");
        } catch (StoreException notFound) {
            throw new StoreException("Store " + side + ", " + notFound.getMessage(), notFound);
        }
    }

    private void show(Result result) {
        if (compared != null) {
            compared.close();
        }
        compared = result.stores();
        busy.set(false);
        summary.set(result.summary());
        selected.set(null);
        rows.setAll(result.rows());
        comparison.clear();
        comparedTitle.set("");
        if (result.rows().size() == 1) {
            select(result.rows().get(0)); // nothing to choose between: its records show without a click
        }
        DiffSummary counted = result.summary();
        boolean sameSessions = result.rows().size() == 1 && result.rows().get(0).kind() == DiffRow.Kind.IDENTICAL; // only two sessions compared give one
        status.set(sameSessions ? "The two sessions are the same in every field compared."
                : counted.isEqual() ? String.format("The stores hold the same %,d sessions.", counted.identical())
                : String.format("%,d only in A · %,d only in B · %,d changed · %,d identical%s", counted.onlyInA(), counted.onlyInB(),
                counted.changed(), counted.identical(), rowsCut(counted) ? String.format(" (the table shows the first %,d)", ROW_LIMIT) : ""));
    }

    /** A comparison that failed leaves nothing of the one before: its counts and records would pass for the answer. */
    private void forgetResult() {
        if (compared != null) {
            compared.close();
            compared = null;
        }
        busy.set(false);
        summary.set(null);
        selected.set(null);
        rows.clear();
        comparison.clear();
        comparedTitle.set("");
    }

    private static boolean rowsCut(DiffSummary counted) {
        return counted.onlyInA() + counted.onlyInB() + counted.changed() > ROW_LIMIT;
    }

    private static DiffRow changedRow(String key, List<FieldChange> changes) {
        return new DiffRow(key, key, shown(key), DiffRow.Kind.CHANGED, changes.size(), paths(changes));
    }

    private static String paths(List<FieldChange> changes) {
        return changes.stream().map(FieldChange::path).collect(Collectors.joining(", "));
    }

    private static String shown(String key) {
        return SecretMasker.maskText("session", key);
    }
}
