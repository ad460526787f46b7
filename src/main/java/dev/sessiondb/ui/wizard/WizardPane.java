package dev.sessiondb.ui.wizard;

import dev.sessiondb.ui.common.Controls;
import dev.sessiondb.ui.common.EnterPresses;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * A guided sequence: the steps listed on the left with the current one marked (across the top in a narrow pane), that
 * step's page in the middle, scrolling when it is taller than the window, Back and Next always at the bottom. Pages carry
 * their own actions (Run, Apply).
 */
public class WizardPane extends BorderPane {

    /**
     * Below this width the steps go across the top: on a 1024 px screen the list on the left took 200 of Validate's 590 px,
     * its findings wrapping to five lines. Above it (Validate beside the detail pane at 1440 px, 870 px) they stay on the left.
     */
    static final double STEPS_ACROSS_BELOW = 850;

    private final WizardSteps steps;
    private final List<Node> pages;
    private final List<Label> stepLabels = new ArrayList<>();
    private final StackPane page = new StackPane();
    private final Label heading;
    private final VBox stepsAtLeft = new VBox(6);
    private final FlowPane stepsAcross = new FlowPane(18, 4);
    private final Button next;
    /** Next or Back was disabled with the focus on it (a step at work): the window moved the focus on to its last control. */
    private boolean focusTakenByStep;

    /** @param id prefix of the ids: {@code id-back}, {@code id-next}, {@code id-step-N}, {@code id-page} */
    public WizardPane(String id, String title, WizardSteps steps, List<Node> pages) {
        this.steps = steps;
        this.pages = List.copyOf(pages);
        setId(id);
        heading = Controls.styled(new Label(title), "title-4");
        for (int i = 0; i < steps.titles().size(); i++) {
            Label label = new Label((i + 1) + ".  " + steps.titles().get(i));
            label.setId(id + "-step-" + (i + 1));
            label.setMinWidth(Region.USE_PREF_SIZE);
            stepLabels.add(label);
        }
        stepsAtLeft.setPadding(new Insets(16, 20, 16, 16));
        stepsAtLeft.setMinWidth(190);
        stepsAtLeft.setStyle("-fx-background-color: -color-bg-subtle; -fx-border-color: -color-border-default; -fx-border-width: 0 1 0 0;");
        stepsAcross.setPadding(new Insets(10, 16, 10, 16));
        stepsAcross.setRowValignment(VPos.BASELINE);
        stepsAcross.setStyle("-fx-background-color: -color-bg-subtle; -fx-border-color: -color-border-default; -fx-border-width: 0 0 1 0;");
        for (Pane each : List.of(stepsAtLeft, stepsAcross)) {
            each.getStyleClass().add("wizard-steps");
            each.setId(id + "-steps");
        }
        page.setPadding(new Insets(16));
        page.setAlignment(Pos.TOP_LEFT);

        Button back = Controls.button("Back", "Go to the previous step", steps::back);
        back.setId(id + "-back");
        back.disableProperty().bind(steps.canGoBack().not());
        next = Controls.button("Next", "Go to the next step", steps::next);
        next.setId(id + "-next");
        next.getStyleClass().add("accent");
        next.disableProperty().bind(steps.canGoNext().not());
        // Enter in a field of the page (a store typed in, a choice made) presses Next
        EnterPresses.button(this, next);
        for (Button button : List.of(back, next)) {
            button.disabledProperty().addListener((property, was, disabled) -> focusTakenByStep |= disabled && button.isFocused());
        }
        HBox buttons = new HBox(8, Controls.spacer(), back, next);
        buttons.setPadding(new Insets(10, 16, 10, 16));
        buttons.setStyle("-fx-border-color: -color-border-default; -fx-border-width: 1 0 0 0;");

        // the page scrolls rather than grows: a long report pushed Back and Next out of the window
        ScrollPane body = new ScrollPane(page);
        body.setId(id + "-page");
        body.setFitToWidth(true);
        body.setFitToHeight(true);
        body.getStyleClass().add("edge-to-edge");

        placeSteps(false);
        widthProperty().addListener((property, before, width) -> placeSteps(width.doubleValue() < STEPS_ACROSS_BELOW));
        setCenter(body);
        setBottom(buttons);
        steps.currentProperty().addListener((property, before, after) -> show(after.intValue()));
        show(steps.current());
    }

    /** The pages not on screen now, which {@link dev.sessiondb.ui.common.ShownAhead} can build before they show. */
    public List<Node> pagesNotShown() {
        return pages.stream().filter(each -> each.getParent() == null).toList();
    }

    /**
     * The one list of steps, under the wizard's title on the left, or across the top without it (the tab names the wizard,
     * and the steps keep to one row): its labels move between the two places.
     */
    private void placeSteps(boolean across) {
        Pane place = across ? stepsAcross : stepsAtLeft;
        if (place.getParent() == this) {
            return;
        }
        (across ? stepsAtLeft : stepsAcross).getChildren().clear();
        place.getChildren().setAll(stepLabels);
        if (!across) {
            place.getChildren().add(0, heading);
        }
        setLeft(across ? null : stepsAtLeft);
        setTop(across ? stepsAcross : null);
    }

    private void show(int step) {
        // the focus the step took (on Next, or in a field of the page going away) goes to the page shown, not the Jobs toggle
        boolean focusReturns = focusTakenByStep || Controls.holdsFocus(page);
        focusTakenByStep = false;
        page.getChildren().setAll(pages.get(step));
        if (focusReturns) {
            Controls.firstControl(pages.get(step)).orElse(next).requestFocus();
        }
        for (int i = 0; i < stepLabels.size(); i++) {
            Label label = stepLabels.get(i);
            label.getStyleClass().removeAll("text-bold", "accent", "text-muted");
            label.getStyleClass().addAll(i == step ? List.of("text-bold", "accent") : i < step ? List.of() : List.of("text-muted"));
            label.setAccessibleText("Step " + (i + 1) + " of " + stepLabels.size() + ": " + steps.titles().get(i)
                    + (i == step ? " (current)" : ""));
        }
    }
}
