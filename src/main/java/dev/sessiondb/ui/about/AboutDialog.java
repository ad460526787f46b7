package dev.sessiondb.ui.about;

import dev.sessiondb.ui.common.Controls;
import java.util.Locale;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/** Help > About: the icon, then version, Java, JavaFX and the log's path, selectable for bug reports. */
public final class AboutDialog extends Dialog<Void> {

    public AboutDialog(AboutViewModel viewModel) {
        setTitle("About SessionDB Admin");
        setHeaderText("SessionDB Admin");
        setGraphic(new ImageView(AppIcons.image(64)));
        GridPane grid = new GridPane();
        grid.setId("about-lines");
        grid.setHgap(12);
        grid.setVgap(6);
        int row = 0;
        for (var line : viewModel.lines().entrySet()) {
            Label value = new Label(line.getValue());
            value.setId("about-" + line.getKey().toLowerCase(Locale.ROOT));
            value.setWrapText(true);
            Label name = Controls.styled(new Label(line.getKey()), "text-bold");
            name.setMinWidth(Region.USE_PREF_SIZE);
            grid.addRow(row++, name, value);
        }
        getDialogPane().setContent(new HBox(grid));
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        getDialogPane().setPrefWidth(680);
    }
}
