package dev.sessiondb.ui.stores;

import dev.sessiondb.ui.common.Controls;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

/** A form for a PostgreSQL store; its result is the store's locator. The password goes into the locator only for this run. */
public final class PostgresForm extends Dialog<String> {

    private final TextField host = field("localhost", "Host name or address of the PostgreSQL server");
    private final TextField port = field("5432", "Port of the PostgreSQL server");
    private final TextField database = field("minsky", "Database that holds the sessions table");
    private final TextField user = field(System.getProperty("user.name"), "User name to log in with");
    private final TextField schema = field("", "Schema of the sessions table; empty for the default search path");
    private final PasswordField password = Controls.describe(new PasswordField(),
            "Password; never saved. Leave empty to use ~/.pgpass, PGPASSWORD or a prompt");

    public PostgresForm() {
        setTitle("PostgreSQL store");
        setHeaderText("Connect to a PostgreSQL session store");
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        String[] labels = {"Host", "Port", "Database", "User", "Schema", "Password"};
        TextField[] fields = {host, port, database, user, schema, password};
        for (int row = 0; row < fields.length; row++) {
            Label label = new Label(labels[row]);
            label.setLabelFor(fields[row]);
            grid.addRow(row, label, fields[row]);
        }
        password.setPromptText("not saved; empty uses ~/.pgpass");
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        getDialogPane().lookupButton(ButtonType.OK).disableProperty()
                .bind(host.textProperty().isEmpty().or(database.textProperty().isEmpty()).or(user.textProperty().isEmpty()));
        setResultConverter(button -> button == ButtonType.OK ? locator() : null);
    }

    private String locator() {
        String secret = password.getText().isEmpty() ? "" : ":" + URLEncoder.encode(password.getText(), StandardCharsets.UTF_8);
        String portPart = port.getText().isBlank() ? "" : ":" + port.getText().strip();
        String schemaPart = schema.getText().isBlank() ? "" : "?schema=" + schema.getText().strip();
        return "postgresql://" + user.getText().strip() + secret + "@" + host.getText().strip() + portPart + "/"
                + database.getText().strip() + schemaPart;
    }

    private static TextField field(String value, String help) {
        TextField field = Controls.describe(new TextField(value), help);
        field.setPrefColumnCount(24);
        return field;
    }
}
