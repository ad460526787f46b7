package dev.sessiondb.ui.sessions;

/** A column of the sessions table, standard or added by the user, as its cells show it: what Copy rows copies. */
public sealed interface ShownColumn permits SessionColumn, FieldColumn {

    String header();

    /** The row's cell as the table shows it, secrets masked. */
    String cellText(SessionRow row);
}
