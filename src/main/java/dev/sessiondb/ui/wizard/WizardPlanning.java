package dev.sessiondb.ui.wizard;

import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;

/**
 * Starts a wizard's dry-run plan the one way: Run goes off and an outdated plan is forgotten, the status line says
 * planning has begun, the chosen stores are resolved, and the plan is made over them, or the status line says to
 * choose others.
 */
public final class WizardPlanning {

    /** Gives {@code prepared} the job over the wizard's chosen stores, empty when they cannot be used. */
    @FunctionalInterface
    public interface Preparation<P> {
        void prepare(Consumer<Optional<P>> prepared);
    }

    private final BooleanProperty runnable;
    private final OutdatedPlan outdatedPlan;
    private final Consumer<String> status;

    /**
     * @param runnable the wizard's "the plan allows a run", off until the new plan says otherwise
     * @param status   the wizard's status line
     */
    public WizardPlanning(BooleanProperty runnable, OutdatedPlan outdatedPlan, Consumer<String> status) {
        this.runnable = runnable;
        this.outdatedPlan = outdatedPlan;
        this.status = status;
    }

    /** @param plan makes the plan over the prepared job; nothing is written */
    public <P> void start(Preparation<P> preparation, Consumer<P> plan) {
        runnable.set(false);
        outdatedPlan.clear();
        status.accept("Planning …"); // before a password prompt, which an earlier "Plan ready" must not sit beside
        preparation.prepare(prepared -> {
            if (prepared.isEmpty()) {
                status.accept("No plan: go Back and choose stores that can be used.");
                return;
            }
            plan.accept(prepared.get());
        });
    }
}
