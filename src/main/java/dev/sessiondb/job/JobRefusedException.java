package dev.sessiondb.job;

/**
 * A job will not start because its input is bad or the move would lose data without leave.
 * The message is one line for the user naming the store and what to do; nothing was written.
 */
public class JobRefusedException extends RuntimeException {

    public JobRefusedException(String message) {
        super(message);
    }
}
