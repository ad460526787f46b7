package dev.sessiondb.ui.wizard;

import dev.sessiondb.ui.common.Controls;
import java.util.List;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Shows a {@link JobStatement}: the stores, the mode, the backup, one line each; the stores in full on hover. */
public final class JobStatementView extends VBox {

    private final Label stores = new Label();
    private final Label mode = new Label();
    private final Label backup = new Label();
    private final Tooltip inFull = new Tooltip();

    /** @param id prefix of the lines' ids: {@code id-stores}, {@code id-mode}, {@code id-backup} */
    public JobStatementView(String id, ObservableValue<JobStatement> statement) {
        super(2);
        setId(id);
        stores.setId(id + "-stores");
        Controls.styled(stores, "text-bold");
        mode.setId(id + "-mode");
        backup.setId(id + "-backup");
        for (Label line : List.of(stores, mode, backup)) {
            line.setWrapText(true);
            line.setMinHeight(Region.USE_PREF_SIZE);
            line.setTooltip(inFull);
        }
        backup.managedProperty().bind(backup.visibleProperty());
        managedProperty().bind(visibleProperty());
        getChildren().addAll(stores, mode, backup);
        statement.addListener((property, before, after) -> show(after));
        show(statement.getValue());
    }

    private void show(JobStatement statement) {
        setVisible(statement != null);
        stores.setText(statement == null ? "" : statement.stores());
        mode.setText(statement == null ? "" : statement.mode());
        backup.setText(statement == null ? "" : statement.backup().orElse(""));
        backup.setVisible(statement != null && statement.backup().isPresent());
        inFull.setText(statement == null ? "" : statement.inFull());
        for (Label line : List.of(stores, mode, backup)) {
            line.setAccessibleText(line.getText());
        }
    }
}
