package dev.sessiondb.ui.wizard.validate;

import dev.sessiondb.validation.MinskyWorkspaces;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The wizard's optional Workspaces field: a folder of Minsky workspaces whose sessions should all be registered, and what to say of it. */
final class WorkspacesFolder {

    private final StringProperty text = new SimpleStringProperty("");
    /** Why the Workspaces folder is no Minsky state directory, shown at the field; empty when it is one or none is given. */
    private final StringBinding problem = Bindings.createStringBinding(this::whyNotWorkspaces, text);
    /** That the Workspaces folder, a fresh state directory, holds no workspace yet, shown at the field; empty otherwise. */
    private final StringBinding note = Bindings.createStringBinding(this::noWorkspacesYet, problem);

    StringProperty text() {
        return text;
    }

    StringBinding problem() {
        return problem;
    }

    StringBinding note() {
        return note;
    }

    /** The folder given, as the validation and the repair take it: none, or one. */
    List<Path> roots() {
        return text.get().isBlank() ? List.of() : List.of(Path.of(text.get().strip()));
    }

    private String noWorkspacesYet() {
        return problem.get().isEmpty() ? roots().stream().findFirst().flatMap(MinskyWorkspaces::noWorkspacesYet).orElse("") : "";
    }

    private String whyNotWorkspaces() {
        try {
            return roots().stream().findFirst().flatMap(MinskyWorkspaces::whyNotAStateDirectory).orElse("");
        } catch (InvalidPathException e) {
            return text.get().strip() + " is not a folder's path (" + e.getReason() + ")";
        }
    }
}
