package dev.sessiondb.ui.wizard;

import dev.sessiondb.job.JobRefusedException;
import dev.sessiondb.job.StoreProbe;
import dev.sessiondb.store.StoreChangedException;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.ui.common.UndoStack;
import java.util.List;
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
    /** The stores the plan reads or writes; none before a plan is made. */
    private List<StoreLocator> planStores = List.of();

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
     * Follows the window's undos: one that ends while a plan waits for Run, having put back a store the plan reads or writes
     * (the same store by any of its names), makes the run refuse (a source or target changed after the plan), so the plan
     * waits for a new one at once, instead of saying Ready until Run fails. A plan of other stores still holds.
     */
    public void followUndos(UndoStack undo) {
        undo.onUndoEnded(putBack -> {
            if (runnable.get() && putBack.map(this::readOrWritten).orElse(true)) {
                outdated.set(true);
                runnable.set(false);
                status.accept("An undo put back " + putBack.map(StoreLocator::display).orElse("a store") + " after this plan, which reads or"
                        + " writes it. Press Plan again to plan over what the stores hold now.");
            }
        });
    }

    /** The plan just made reads or writes {@code stores}: an undo that puts back one of them outdates it. */
    public void planned(List<StoreLocator> stores) {
        planStores = List.copyOf(stores);
    }

    private boolean readOrWritten(StoreLocator store) {
        return planStores.stream().anyMatch(planned -> StoreProbe.sameStore(planned, store));
    }

    /** A new plan is being made. */
    public void clear() {
        outdated.set(false);
        planStores = List.of();
    }
}
