package dev.sessiondb.job.transfer;

import dev.sessiondb.job.Refusal;
import dev.sessiondb.model.SecretMasker;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreLocator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The message ids a write into a store that keys messages by id across sessions (the chat server's,
 * {@link SessionStore#crossSessionMessageIds}) would give two sessions: one two sessions of the records give, or, for a merge,
 * one a session of the target holds that the write leaves in place. The write fails whole on either, but only once the plan
 * was accepted and the target backed up: the plan finds them as the records pass and refuses first.
 */
final class MessageIdClashes {

    /** Clashes named in the refusal; the rest are counted. */
    private static final int NAMED = 5;
    /** The target is asked which of the records' message ids it holds this many at a time, as the records pass. */
    private static final int LOOKUP_BATCH = 500;

    private final SessionStore target;
    /** Whether the target keys messages by id across sessions: else nothing here is looked at or kept. */
    private final boolean keysAcrossSessions;
    /** Whether the target's own messages stay where the records do not rewrite their session (a merge), so they can clash. */
    private final boolean targetMessagesStay;
    /** The session that gave each message id first. */
    private final Map<String, String> giverOf = new HashMap<>();
    /** The sessions the records write: a session of the target among them is rewritten, and its messages with it. */
    private final Set<String> writtenSessions = new HashSet<>();
    private final List<String> toLookUp = new ArrayList<>();
    private final List<Clash> firstBetweenRecords = new ArrayList<>();
    private long betweenRecords;
    /** Every message id the target holds for another session than the record's, until {@link #settle} leaves out rewritten ones. */
    private final List<Clash> withTarget = new ArrayList<>();

    /** {@code messageId} of {@code session} is held by (or also given by) {@code owner}. */
    private record Clash(String messageId, String session, String owner) {
    }

    /** @param targetMessagesStay whether the target's messages of sessions the records do not write stay (a merge into a store that holds some) */
    MessageIdClashes(SessionStore target, boolean targetMessagesStay) {
        this.target = target;
        this.keysAcrossSessions = target.keysMessagesAcrossSessions();
        this.targetMessagesStay = targetMessagesStay;
    }

    void add(SessionRecord record) {
        if (!keysAcrossSessions) {
            return;
        }
        String session = record.key();
        if (targetMessagesStay) {
            writtenSessions.add(session);
        }
        for (String messageId : target.crossSessionMessageIds(record)) {
            String giver = giverOf.putIfAbsent(messageId, session);
            if (giver == null) {
                if (targetMessagesStay) {
                    lookUp(messageId);
                }
            } else if (!giver.equals(session)) {
                betweenRecords++;
                if (firstBetweenRecords.size() < NAMED) {
                    firstBetweenRecords.add(new Clash(messageId, session, giver));
                }
            }
        }
    }

    /** Whether two of the records seen so far give one message id: a one-pass write stops on it for a plan pass that names them all. */
    boolean foundBetweenRecords() {
        return betweenRecords > 0;
    }

    private void lookUp(String messageId) {
        toLookUp.add(messageId);
        if (toLookUp.size() >= LOOKUP_BATCH) {
            lookUpPending();
        }
    }

    private void lookUpPending() {
        if (toLookUp.isEmpty()) {
            return;
        }
        target.sessionsHoldingMessages(toLookUp).forEach((messageId, owner) -> {
            String giver = giverOf.get(messageId);
            if (!owner.equals(giver)) {
                withTarget.add(new Clash(messageId, giver, owner));
            }
        });
        toLookUp.clear();
    }

    /** After the last {@link #add}: the target's sessions the records rewrite give up their messages, so those clash with none. */
    private void settle() {
        lookUpPending();
        withTarget.removeIf(clash -> writtenSessions.contains(clash.owner()));
    }

    /** The refusal naming the first clashes and counting all of them; empty when there are none. */
    Optional<Refusal> refusal(StoreLocator targetLocator) {
        settle();
        long total = betweenRecords + withTarget.size();
        if (total == 0) {
            return Optional.empty();
        }
        List<String> named = new ArrayList<>();
        withTarget.stream().limit(NAMED).forEach(clash -> named.add(shown(clash) + " is held by the target's session " + session(clash.owner())));
        firstBetweenRecords.stream().limit(NAMED - named.size()).forEach(clash -> named.add(shown(clash) + " is given by session "
                + session(clash.owner()) + " too"));
        long more = total - named.size();
        String problem = String.format("the target %s keys messages by id across sessions, and %,d message %s would belong to two sessions: %s%s",
                targetLocator.display(), total, total == 1 ? "id" : "ids", named.stream().collect(Collectors.joining("; ")),
                more > 0 ? String.format("; and %,d more", more) : "");
        return Optional.of(new Refusal(Refusal.Reason.MESSAGE_IDS_OF_TWO_SESSIONS, problem,
                "give those messages ids of their own in the source, or write to a new store in the native layout (--layout native),"
                        + " which keeps each session's messages with it"));
    }

    /** "message 'm-1' of session s-2": ids are no secrets, but a session's name can hold one; a message's content is never shown. */
    private static String shown(Clash clash) {
        return "message '" + clash.messageId() + "' of session " + session(clash.session());
    }

    private static String session(String key) {
        return SecretMasker.maskText("session", key);
    }
}
