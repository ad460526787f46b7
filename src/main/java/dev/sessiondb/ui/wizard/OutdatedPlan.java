package dev.sessiondb.ui.wizard;

import dev.sessiondb.job.JobRefusedException;
import dev.sessiondb.store.StoreChangedException;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Whether a wizard's plan no longer holds: its run refused and wrote nothing because a store changed after the plan
 * (or the job would now refuse), so running it again would fail the same way. Run then waits for a new plan.
 */
public final class OutdatedPlan {

    private final ReadOnlyBooleanWrapper outdated = new ReadOnlyBooleanWrapper(false);
    private final BooleanProperty runnable;
    private final Consumer<String> status;

    /**
     * @param runnable the wizard's "the plan allows a run", turned off by an outdated plan
     * @param status   the wizard's status line, which then says to plan again
     */
    public OutdatedPlan(BooleanProperty runnable, Consumer<String> status) {
        this.runnable = runnable;
        this.status = status;
    }

    /** True once a run refused over this plan, until the wizard plans again. */
    public ReadOnlyBooleanProperty outdatedProperty() {
        return outdated.getReadOnlyProperty();
    }

    /** Hears how a run failed: one that refused outdates the plan, so Run goes off and the status line says to plan again. */
    public void runFailed(Exception failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof JobRefusedException || cause instanceof StoreChangedException) {
                outdated.set(true);
                runnable.set(false);
                status.accept("Nothing was written: the plan no longer matches the stores. Press Plan again to plan over what they hold now.");
                return;
            }
        }
    }

    /**
     * Follows the window's undos: one that ends while a plan waits for Run may have put back a store the plan read, which the
     * run would refuse (a source or target changed after the plan), so the plan waits for a new one at once, instead of
     * saying Ready until Run fails.
     *
     * @param undoRunning the undo stack's "an undo runs"
     */
    public void followUndos(ReadOnlyBooleanProperty undoRunning) {
        undoRunning.addListener((property, before, now) -> {
            if (before && !now && runnable.get()) {
                outdated.set(true);
                runnable.set(false);
                status.accept("An undo ran after this plan and may have put back a store it reads or writes. Press Plan again to plan over what they hold now.");
            }
        });
    }

    /** A new plan is being made. */
    public void clear() {
        outdated.set(false);
    }
}
