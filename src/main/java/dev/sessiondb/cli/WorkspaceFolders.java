package dev.sessiondb.cli;

import dev.sessiondb.validation.MinskyWorkspaces;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** The {@code --workspaces} folders of validate and repair, refused as a usage error when one is no Minsky state directory. */
final class WorkspaceFolders {

    private WorkspaceFolders() {
    }

    /**
     * The folders as given; a missing one, or one that is no Minsky state directory, would check nothing and report a clean
     * store. A fresh state directory, with no workspace yet, is checked, and a note says it holds none.
     */
    static List<Path> checked(CommandSpec spec, List<Path> workspaces) {
        for (Path folder : workspaces) {
            MinskyWorkspaces.whyNotAStateDirectory(folder).ifPresent(why -> {
                throw new CommandLine.ParameterException(spec.commandLine(), "--workspaces " + why);
            });
        }
        Notices notices = Notices.of(spec.commandLine());
        workspaces.forEach(folder -> MinskyWorkspaces.noWorkspacesYet(folder).ifPresent(notices::note));
        return workspaces;
    }
}
