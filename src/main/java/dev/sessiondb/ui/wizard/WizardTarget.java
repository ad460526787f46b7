package dev.sessiondb.ui.wizard;

import dev.sessiondb.job.transfer.TargetLook;
import dev.sessiondb.job.transfer.TargetMode;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.ui.common.BackgroundTask;
import dev.sessiondb.ui.common.DialogService;
import dev.sessiondb.ui.common.FailureText;
import dev.sessiondb.ui.common.LocatorInput;
import dev.sessiondb.ui.common.StoreField;
import dev.sessiondb.ui.common.TaskExecutor;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The store a job wizard writes to: a {@link StoreField} whose Browse asks for a file to write, what it holds (looked at in
 * the background as soon as it is named) and what to do with a target that already holds sessions. The migrate and
 * consolidate wizards share it, so their targets behave alike.
 */
public final class WizardTarget extends StoreField {

    /** A server's store whose password only the user can tell: looking would ask for it at a keystroke. */
    static final String TOLD_ONCE_LOGGED_IN = "A server's store: what it holds is told on the Plan page, once logged in";

    private final ReadOnlyObjectWrapper<TargetMode> mode = new ReadOnlyObjectWrapper<>(TargetMode.NEW);
    private final ReadOnlyStringWrapper look = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper modeRefusal = new ReadOnlyStringWrapper("");
    private final TaskExecutor executor;
    private final LocatorInput locators;
    /** Counts the texts looked at: a look at a text the user has typed on from is dropped, or not started. */
    private final AtomicLong looks = new AtomicLong();
    /**
     * Whether a look runs: one at a time, so typing a server's URL holds no thread per keystroke in a login (up to its timeout)
     * and tries no login per keystroke; the text typed meanwhile is looked at when it ends ({@link #lookWaiting}).
     */
    private boolean looking;
    private boolean lookWaiting;
    /** Whether the user picked the mode: only a mode nobody picked follows what the target holds. */
    private boolean modeChosen;
    private Optional<TargetLook> seen = Optional.empty();

    /** @param job what the wizard does, as the file chooser's title starts: "Migrate", "Consolidate" */
    public WizardTarget(DialogService dialogs, String job, TaskExecutor executor, LocatorInput locators) {
        super("Target", () -> dialogs.chooseFileToSave(job + " into (.db for SQLite, .json for a JSON file)", "sessions.db"));
        this.executor = executor;
        this.locators = locators;
        textProperty().addListener((property, before, typed) -> lookAt(typed));
    }

    /** What to do with a target that already holds sessions: New until the user picks, or the target holds sessions. */
    public ReadOnlyObjectProperty<TargetMode> modeProperty() {
        return mode.getReadOnlyProperty();
    }

    /** The user picked {@code chosen}: it stays, whatever the target holds (a mode that cannot run there says so). */
    public void choose(TargetMode chosen) {
        modeChosen = true;
        mode.set(chosen);
        tellMode();
    }

    /** What the target holds, said once it is named: "Exists and holds 51 sessions of Minsky"; empty while none is named. */
    public ReadOnlyStringProperty lookProperty() {
        return look.getReadOnlyProperty();
    }

    /** Why the mode picked cannot run on this target, or empty: said on the page, never a silent switch of the user's pick. */
    public ReadOnlyStringProperty modeRefusalProperty() {
        return modeRefusal.getReadOnlyProperty();
    }

    private void lookAt(String typed) {
        long asked = looks.incrementAndGet();
        seen = Optional.empty();
        tellMode();
        if (typed == null || typed.isBlank()) {
            look.set("");
            return;
        }
        StoreLocator target;
        try {
            target = StoreLocator.parse(typed);
        } catch (StoreException | IllegalArgumentException unusable) {
            look.set("Cannot use this as a target: " + FailureText.describe(unusable));
            return;
        }
        look.set("Looking at what it holds …");
        if (looking) {
            lookWaiting = true;
            return;
        }
        looking = true;
        // a server's store is looked at only where no password need be asked: never a prompt from a keystroke
        executor.execute(BackgroundTask.of("Look at " + target.display(), monitor -> asked == looks.get()
                ? locators.readyWithoutAsking(target).map(TargetLook::of) : Optional.<TargetLook>empty()).onSuccess(found -> {
                    if (asked == looks.get()) {
                        found.ifPresentOrElse(this::seen, () -> look.set(TOLD_ONCE_LOGGED_IN));
                    }
                }).onFailure(failure -> {
                    if (asked == looks.get()) {
                        look.set("Cannot look at it: " + FailureText.describe(failure));
                    }
                }).whenEnded(this::looked));
    }

    /** A look ended, however: the text typed while it ran, if any, is looked at now (its own ending's callback then finds itself outdated). */
    private void looked() {
        looking = false;
        if (lookWaiting) {
            lookWaiting = false;
            lookAt(textProperty().get());
        }
    }

    private void seen(TargetLook found) {
        seen = Optional.of(found);
        look.set(found.describe());
        if (!modeChosen) {
            mode.set(found.runnableMode());
        }
        tellMode();
    }

    private void tellMode() {
        modeRefusal.set(seen.filter(found -> !found.takesNew() && mode.get() == TargetMode.NEW)
                .map(found -> String.format("New cannot run here: it needs an absent or empty target, and this one holds %,d %s. Choose Replace or Merge"
                        + " (it is backed up first), or go Back and choose another target.", found.sessions(), found.sessions() == 1 ? "session" : "sessions")).orElse(""));
    }
}
