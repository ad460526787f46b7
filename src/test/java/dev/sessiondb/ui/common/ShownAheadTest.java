package dev.sessiondb.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Nodes the window shows later are built ahead, and handed back as they were: in no scene, or where they are shown. */
@ExtendWith(ApplicationExtension.class)
class ShownAheadTest {

    private final Button shown = new Button("Shown");
    private Scene window;

    @Start
    void start(Stage stage) {
        window = new Scene(new VBox(shown), 400, 300);
        window.getStylesheets().add(ShownAhead.class.getResource("/dev/sessiondb/ui/app.css").toExternalForm());
        stage.setScene(window);
        stage.show();
    }

    @Test
    void aNodeNotShownGetsItsSkinAndStaysOutOfEveryScene() throws Exception {
        ListView<String> later = new ListView<>();
        WaitForAsyncUtils.asyncFx(() -> new ShownAhead((VBox) window.getRoot()).prepare(List.of(later))).get();

        waitFor(() -> later.getSkin() != null);
        waitFor(() -> window.getRoot().getChildrenUnmodifiable().size() == 1); // the hidden group gone once all are prepared
        assertThat(onFx(later::getParent)).isNull();
        assertThat(onFx(later::getScene)).isNull();
    }

    @Test
    void aNodeAlreadyShownIsLeftWhereItIs() throws Exception {
        ListView<String> after = new ListView<>();
        WaitForAsyncUtils.asyncFx(() -> new ShownAhead((VBox) window.getRoot()).prepare(List.of(shown, after))).get();

        waitFor(() -> after.getSkin() != null); // prepared in order: the shown button's turn has passed
        assertThat(onFx(shown::getScene)).isSameAs(window);
        assertThat(onFx(shown::getParent)).isSameAs(window.getRoot());
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(condition));
    }

    private static <T> T onFx(Callable<T> value) throws Exception {
        return WaitForAsyncUtils.asyncFx(value).get();
    }
}
