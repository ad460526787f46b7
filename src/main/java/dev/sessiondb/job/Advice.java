package dev.sessiondb.job;

/**
 * Advice at the end of a job's report that tells its user to run the job differently: what to know, and what
 * to do in the command line's words, naming its flags. As with {@link Refusal}, the reason says what the advice
 * is about, so a window can say what to do with its own controls instead.
 *
 * @param reason  what the advice is about
 * @param problem what to know
 * @param remedy  what to do about it on the command line
 */
public record Advice(Reason reason, String problem, String remedy) {

    public enum Reason {
        /** Minsky reads only its own layout, and the job wrote another: write into the Minsky layout instead. */
        MINSKY_READS_ONLY_ITS_LAYOUT
    }

    /** The advice in the command line's words. */
    public String text() {
        return problem + ": " + remedy;
    }
}
