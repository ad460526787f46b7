package dev.sessiondb.ui.wizard;

import java.util.List;
import java.util.function.IntConsumer;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * Where a wizard is: its step titles, the current step, whether the user may go on (the
 * wizard's ViewModel decides per step) and whether work is running (then nothing moves).
 */
public final class WizardSteps {

    private final List<String> titles;
    private final ReadOnlyIntegerWrapper current = new ReadOnlyIntegerWrapper(0);
    private final BooleanProperty ready = new SimpleBooleanProperty(true);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final IntConsumer entered;

    /** @param entered told the step's index each time the user arrives at a step by Next or Back */
    public WizardSteps(List<String> titles, IntConsumer entered) {
        this.titles = List.copyOf(titles);
        this.entered = entered;
    }

    public List<String> titles() {
        return titles;
    }

    public ReadOnlyIntegerProperty currentProperty() {
        return current.getReadOnlyProperty();
    }

    public int current() {
        return current.get();
    }

    /** Whether the current step is complete enough to go on; the ViewModel sets or binds it. */
    public BooleanProperty readyProperty() {
        return ready;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public BooleanBinding canGoNext() {
        return ready.and(busy.not()).and(Bindings.createBooleanBinding(() -> current.get() < titles.size() - 1, current));
    }

    public BooleanBinding canGoBack() {
        return busy.not().and(current.greaterThan(0));
    }

    public void next() {
        if (canGoNext().get()) {
            go(current.get() + 1);
        }
    }

    public void back() {
        if (canGoBack().get()) {
            go(current.get() - 1);
        }
    }

    /** Jumps to a step (re-validate goes back to the findings). */
    public void go(int step) {
        current.set(step);
        entered.accept(step);
    }
}
