package dev.sessiondb.diff;

/**
 * Receives a diff's findings in key order, as the merge finds them or, from a file read on the chance that it is in key
 * order, once that read ended in order ({@link HeldFindings}, at most a sort buffer's worth held); identical sessions are
 * only counted ({@link DiffSummary}).
 */
public interface DiffListener {

    void onlyInA(String session);

    void onlyInB(String session);

    void changed(SessionChange change);
}
