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

    private final Pane window;
    private final Deque<Node> waiting = new ArrayDeque<>();
    private final Set<Node> prepared = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Group holder = new Group();
    private final AnimationTimer onePerPulse = new AnimationTimer() {
        @Override
        public void handle(long now) {
            Node node = waiting.poll();
            if (node == null) {
                stop();
                window.getChildren().remove(holder);
                return;
            }
            prepareOne(node);
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

    private void prepareOne(Node node) {
        if (node.getParent() != null || node.getScene() != null) {
            return;
        }
        holder.getChildren().setAll(node);
        node.applyCss();
        if (node instanceof Parent parent) {
            holder.layout();
            parent.layout();
        }
        holder.getChildren().clear();
    }
}
