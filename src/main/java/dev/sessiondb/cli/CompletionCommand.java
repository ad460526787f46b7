package dev.sessiondb.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The shell completion script of every command, option and offered value, as picocli writes it from the same
 * annotations the commands are parsed by: so it cannot fall behind them. The Linux package installs it; from a jar,
 * {@code source <(sessiondb completion)}.
 */
@Command(name = "completion", description = {"Print the bash completion script (zsh reads it too, after bashcompinit).",
        "The Linux package installs it; otherwise: source <(sessiondb completion), or save it as ~/.local/share/bash-completion/completions/sessiondb"})
final class CompletionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        // the command line this one runs in holds only its own subcommand (a faster start): the script needs them all
        out.print(AutoComplete.bash("sessiondb", SessionDbCommand.commandLine(out, spec.commandLine().getErr())));
        out.flush();
        return SessionDbCommand.OK;
    }
}
