package dev.sessiondb.diff;

/** Receives a diff's findings as the merge finds them, in key order, so no result is held in memory; identical sessions are only counted ({@link DiffSummary}). */
public interface DiffListener {

    void onlyInA(String session);

    void onlyInB(String session);

    void changed(SessionChange change);
}
