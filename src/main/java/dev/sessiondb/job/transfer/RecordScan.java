package dev.sessiondb.job.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessiondb.job.FieldChange;
import dev.sessiondb.model.FieldType;
import dev.sessiondb.model.SecretMasker;
import dev.sessiondb.model.SessionField;
import dev.sessiondb.model.SessionKind;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.model.Timestamp;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreLayout;
import dev.sessiondb.store.ValueChange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What a plan learns from one pass over the records to write: fields the target layout
 * does not keep as given (counted per field and way: not kept, digits cut, its own form), dates that do not parse (one line per value; a typed
 * column cannot keep them, a text column keeps them as they are), and how many records
 * of Minsky's sessions carry no task id (they move like every other record), the records the target's own
 * limits (column lengths, NOT NULL, foreign keys) would refuse, and the message ids the records would give two sessions
 * of a target that keys messages by id across sessions ({@link MessageIdClashes}).
 */
public final class RecordScan {

    private final SessionStore target;
    private final Function<SessionRecord, List<String>> formatRefusals;
    /** Per field, how many records the target keeps it of in each way other than as given. */
    private final Map<String, Map<ValueChange, Long>> changes = new TreeMap<>();
    private boolean lossy;
    private final List<String> coercions = new ArrayList<>();
    private final List<String> refusedRecords = new ArrayList<>();
    private long withoutTaskId;
    private final MessageIdClashes messageIdClashes;
    private Boolean targetIsChatServers;
    /** Records scanned of each kind, by the kind's ordinal: counted in a plain array, as every record of a 1M plan adds one. */
    private final long[] byKind = new long[SessionKind.values().length];

    /** @param target the target, or a store of its format and layout standing in for it */
    public RecordScan(SessionStore target) {
        this(target, record -> List.of(), false);
    }

    /** A scan of records merged into {@code target}, whose own messages stay unless a record rewrites their session. */
    static RecordScan mergingInto(SessionStore target) {
        return new RecordScan(target, record -> List.of(), true);
    }

    /**
     * @param target         a store of another format standing in for the target
     * @param formatRefusals what the target's format refuses that the stand-in does not (see {@code StoreProvider.formatRefusals})
     */
    RecordScan(SessionStore target, Function<SessionRecord, List<String>> formatRefusals) {
        this(target, formatRefusals, false);
    }

    private RecordScan(SessionStore target, Function<SessionRecord, List<String>> formatRefusals, boolean targetMessagesStay) {
        this.target = target;
        this.formatRefusals = formatRefusals;
        this.messageIdClashes = new MessageIdClashes(target, targetMessagesStay);
    }

    public void add(SessionRecord record) {
        SessionKind kind = SessionKind.of(record);
        byKind[kind.ordinal()]++;
        // a task names Minsky's sessions alone: a chat server's or magellai's has none to lack
        if (kind == SessionKind.MINSKY) {
            if (record.taskId().isEmpty()) {
                withoutTaskId++;
            }
        }
        target.valueChanges(record).forEach((field, change) -> {
            changes.computeIfAbsent(field, name -> new EnumMap<>(ValueChange.class)).merge(change, 1L, Long::sum);
            lossy |= change.lossy();
        });
        target.refusals(record).forEach(reason -> refusedRecords.add(shown(record) + ": " + reason));
        if (kind == SessionKind.CHAT && !hasTenant(record) && targetIsChatServers()) {
            // the table's tenant_id would take it as '': a session of the chat server no tenant of it can reach
            refusedRecords.add(shown(record) + ": has no tenantId text, which the chat server's sessions table requires; set it by hand");
        }
        formatRefusals.apply(record).forEach(reason -> refusedRecords.add(shown(record) + ": " + reason));
        messageIdClashes.add(record);
        for (SessionField field : SessionField.values()) {
            if (field.type() != FieldType.TIMESTAMP) {
                continue;
            }
            JsonNode value = record.field(field).orElse(null);
            if (value == null || value.isNull()) {
                continue;
            }
            if (!value.isTextual()) {
                coercions.add(shown(record) + ": " + field.jsonName() + " is a " + value.getNodeType().name().toLowerCase(Locale.ROOT)
                        + ", not date text");
            } else if (!Timestamp.parse(value.asText()).isValid()) {
                coercions.add(shown(record) + ": " + field.jsonName() + " '" + SecretMasker.maskText(field.jsonName(), value.asText()) + "' does not parse as a date");
            }
        }
    }

    private static boolean hasTenant(SessionRecord record) {
        return record.readFields(fields -> fields.path("tenantId").isTextual() && !fields.path("tenantId").asText().isBlank());
    }

    /** Whether the target is a chat server's tables; asked only of a chat session without a tenant, as its info counts the target's rows. */
    private boolean targetIsChatServers() {
        if (targetIsChatServers == null) {
            targetIsChatServers = target.info().layout() == StoreLayout.CHAT;
        }
        return targetIsChatServers;
    }

    /** The session's name as a plan line shows it ({@link SecretMasker#shownKey}); made only for a line, which few records need. */
    private static String shown(SessionRecord record) {
        return SecretMasker.shownKey(record.key());
    }

    /** Each field the target does not keep as given, by field then by how. */
    public List<FieldChange> fieldChanges() {
        List<FieldChange> list = new ArrayList<>();
        changes.forEach((field, byChange) -> byChange.forEach((change, count) -> list.add(new FieldChange(field, change, count))));
        return list;
    }

    /** Whether some record loses something of a field (not kept, or digits cut). */
    public boolean isLossy() {
        return lossy;
    }

    public List<String> coercions() {
        return coercions;
    }

    /** One line per reason the target's own limits would refuse a record ("task#1: repoName is 300 characters long; ..."). */
    public List<String> refusedRecords() {
        return refusedRecords;
    }

    /** The message ids the records would give two sessions, where the target keys messages by id across sessions. */
    MessageIdClashes messageIdClashes() {
        return messageIdClashes;
    }

    /** How many records were scanned. */
    public long records() {
        return Arrays.stream(byKind).sum();
    }

    /** How many records of each kind of session were scanned, the kinds met only. */
    public Map<SessionKind, Long> kinds() {
        Map<SessionKind, Long> kinds = new EnumMap<>(SessionKind.class);
        for (SessionKind kind : SessionKind.values()) {
            if (byKind[kind.ordinal()] > 0) {
                kinds.put(kind, byKind[kind.ordinal()]);
            }
        }
        return kinds;
    }

    /** How many of Minsky's sessions carry no task id; nothing when none of the records is Minsky's. */
    public OptionalLong withoutTaskId() {
        return byKind[SessionKind.MINSKY.ordinal()] == 0 ? OptionalLong.empty() : OptionalLong.of(withoutTaskId);
    }
}
