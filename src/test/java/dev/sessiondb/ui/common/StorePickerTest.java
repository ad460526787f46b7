package dev.sessiondb.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.model.SecretMasker;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** An audit read a password typed into the Migrate target and the Diff's Store B in clear for as long as the page was open. */
@ExtendWith(ApplicationExtension.class)
class StorePickerTest {

    private static final String TYPED = "postgresql://postgres:S3cr3t-Pw!x@db.example/db";
    private static final String MASKED = "postgresql://postgres:****@db.example/db";

    @TempDir
    static Path directory;

    private final StringProperty store = new SimpleStringProperty("");
    private StorePicker picker;
    private TextField elsewhere;

    @Start
    void start(Stage stage) {
        SettingsStore settings = new SettingsStore(directory.resolve("settings.json"));
        KnownStores known = new KnownStores(settings, new SavedStoreList(directory.resolve("data"), settings), new CurrentStore());
        picker = new StorePicker("target", "The store to copy into", store, known, () -> store.set("sqlite:/tmp/browsed.db"));
        elsewhere = new TextField();
        elsewhere.setId("elsewhere");
        stage.setScene(new Scene(new VBox(picker, elsewhere), 600, 200));
        stage.show();
    }

    @Test
    void aTypedPasswordShowsMaskedOnceTheFieldIsLeftAndInClearAgainForEditing(FxRobot robot) throws Exception {
        robot.clickOn(read(() -> editor(robot))).write(TYPED);
        assertThat(read(() -> editor(robot).getText())).as("while typing").isEqualTo(TYPED);

        robot.clickOn(elsewhere);

        assertThat(read(() -> editor(robot).getText())).isEqualTo(MASKED);
        assertThat(read(store::get)).as("the ViewModel keeps the password to log in with").isEqualTo(TYPED);
        robot.clickOn(read(() -> editor(robot)));
        assertThat(read(() -> editor(robot).getText())).as("shown again to edit").isEqualTo(TYPED);
        robot.push(KeyCode.END).write("?schema=s").clickOn(elsewhere);
        assertThat(read(store::get)).isEqualTo(TYPED + "?schema=s");
        assertThat(read(() -> editor(robot).getText())).isEqualTo(MASKED + "?schema=s");
    }

    @Test
    void aStoreSetByTheViewModelShowsMaskedUnlessTheFieldHasTheFocus(FxRobot robot) throws Exception {
        robot.clickOn(elsewhere).interact(() -> store.set(TYPED));

        assertThat(read(() -> editor(robot).getText())).isEqualTo(MASKED);
        assertThat(read(store::get)).isEqualTo(TYPED);
        robot.interact(() -> store.set("sqlite:/tmp/other.db"));
        assertThat(read(() -> editor(robot).getText())).as("no password, nothing masked").isEqualTo("sqlite:/tmp/other.db");
        robot.clickOn(read(() -> editor(robot))).interact(() -> store.set(TYPED));
        assertThat(read(() -> editor(robot).getText())).as("set while the field is edited").isEqualTo(TYPED);
    }

    @Test
    void undoAndCopyInTheFieldNeitherLoseNorLeakThePassword(FxRobot robot) throws Exception {
        robot.clickOn(read(() -> editor(robot))).write(TYPED).clickOn(elsewhere).clickOn(read(() -> editor(robot)));

        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        assertThat(read(() -> editor(robot).getText())).as("undo while editing").doesNotContain(SecretMasker.MASK);
        robot.press(KeyCode.CONTROL, KeyCode.Y).release(KeyCode.Y, KeyCode.CONTROL);
        assertThat(read(() -> editor(robot).getText())).as("redo while editing").doesNotContain(SecretMasker.MASK);
        robot.clickOn(elsewhere);

        assertThat(read(store::get)).as("undo never brings the mask back as the text").isEqualTo(TYPED);
        robot.interact(() -> Clipboard.getSystemClipboard().clear());
        robot.interact(() -> editor(robot).selectAll());
        robot.interact(() -> editor(robot).copy());
        assertThat(read(() -> Clipboard.getSystemClipboard().getString())).as("what a left field gives to copy").isEqualTo(MASKED);
    }

    private TextField editor(FxRobot robot) {
        return robot.lookup("#target").queryAs(ComboBox.class).getEditor();
    }

    private static <T> T read(Callable<T> query) throws ExecutionException, InterruptedException, TimeoutException {
        return WaitForAsyncUtils.asyncFx(query).get(30, TimeUnit.SECONDS);
    }
}
