package dev.sessiondb.cli;

/** Placeholder until the CLI lands. */
public final class SessionDbCommand {

    private SessionDbCommand() {
    }

    public static int run(String[] args) {
        return 0;
    }
}
