package dev.sessiondb.ui.common;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import javafx.animation.AnimationTimer;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.layout.Pane;

/**
 * Gives nodes the window is about to show (a wizard's later pages while the user fills its first,
 * the jobs panel while the window waits for a first click) their CSS and skins ahead,
 * one node per pulse, in a hidden corner of the window itself, so that the styles matched for
 * them stay in the window's style cache. Their first showing then finds them built: otherwise it
 * pays for them in the pulse a user waits on (in a 1M store the migration plan page's first
 * showing held the FX thread 68-92 ms, most of it the CSS and layout of nodes shown for the first time).
 */
public final class ShownAhead {

    /**
     * A node whose costly parts show only with content it has not got yet (a list's cells): it is
     * built in stages, one per pulse, each with more stand-in content, and the last takes the
     * stand-ins away again. The user never sees them.
     */
    public interface Staged {

        /** Readies the next stage; false when this one took the stand-ins away and the node is as it was. */
        boolean nextStage();
    }

    private final Pane window;
    private final Deque<Node> waiting = new ArrayDeque<>();
    private final Set<Node> prepared = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Group holder = new Group();
    private Node building;
    private final AnimationTimer onePerPulse = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (building == null && !startNext()) {
                stop();
                window.getChildren().remove(holder);
                return;
            }
            buildStage();
        }
    };

    /** @param window a pane of the window, which holds a hidden group while nodes are prepared */
    public ShownAhead(Pane window) {
        this.window = window;
        holder.setManaged(false);
        holder.setVisible(false);
    }

    /** Prepares each of {@code nodes} once, one per pulse from the next one; a node shown meanwhile is left as it is. */
    public void prepare(Collection<? extends Node> nodes) {
        nodes.stream().filter(prepared::add).forEach(waiting::add);
        if (!waiting.isEmpty() && !window.getChildren().contains(holder)) {
            window.getChildren().add(holder);
            onePerPulse.start();
        }
    }

    /** Puts the next node not shown yet in the hidden group; false when none waits. */
    private boolean startNext() {
        for (Node node = waiting.poll(); node != null; node = waiting.poll()) {
            if (node.getParent() == null && node.getScene() == null) {
                building = node;
                holder.getChildren().setAll(node);
                return true;
            }
        }
        return false;
    }

    private void buildStage() {
        boolean more = building instanceof Staged staged && staged.nextStage();
        if (building.getParent() != holder) {
            // shown while it was being built: its stages only take the stand-ins away now
            while (more) {
                more = ((Staged) building).nextStage();
            }
        } else {
            building.applyCss();
            if (building instanceof Parent parent) {
                holder.layout();
                parent.layout();
            }
        }
        if (!more) {
            holder.getChildren().remove(building);
            building = null;
        }
    }
}
