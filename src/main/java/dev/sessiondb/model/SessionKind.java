package dev.sessiondb.model;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Which tool's session a record is, by the fields that tool gives every session it keeps. */
public enum SessionKind {
    /** Minsky's: keyed by {@code session} or {@code sessionId}, or naming a repository. */
    MINSKY,
    /** magellai's: its conversation is an object of its own. */
    MAGELLAI,
    /** The chat server's: a tenant's session, its messages beside it. */
    CHAT,
    /** Any other tool's. */
    OTHER;

    /**
     * The fields that tell this kind's sessions apart besides their key and when they were made, as {@link FieldPath}s: what a
     * listing of them shows. A session of no known kind is listed by Minsky's.
     */
    public List<String> listedFields() {
        return switch (this) {
            case MINSKY, OTHER -> List.of("taskId", "repoName", "branch", "status");
            case CHAT -> List.of("tenantId", "userId");
            case MAGELLAI -> List.of("name", "conversation.model");
        };
    }

    /**
     * The fields a search looks at in this kind's sessions besides their key and Minsky's task id, repository and branch
     * ({@link SessionQuery#SEARCHED}): those its listing shows. None for Minsky's and any tool's not known, whose listed
     * fields are those already; the lists are made once, as a search asks this of every session it scans.
     */
    public List<FieldPath> searchedFields() {
        return SEARCHED_FIELDS.get(this);
    }

    /**
     * The list of messages a search looks at the content of in this kind's sessions, besides {@link #searchedFields}: what was
     * said. None for Minsky's and any tool's not known, so that a search of their sessions costs nothing more.
     */
    public Optional<FieldPath> searchedMessages() {
        return switch (this) {
            case CHAT -> Optional.of(CHAT_MESSAGES);
            case MAGELLAI -> Optional.of(MAGELLAI_MESSAGES);
            case MINSKY, OTHER -> Optional.empty();
        };
    }

    /** The field of each of {@link #searchedMessages} a search looks at. */
    public static final String MESSAGE_TEXT = "content";
    private static final FieldPath CHAT_MESSAGES = new FieldPath("messages");
    private static final FieldPath MAGELLAI_MESSAGES = new FieldPath("conversation.messages");

    private static final Map<SessionKind, List<FieldPath>> SEARCHED_FIELDS = new EnumMap<>(SessionKind.class);

    static {
        for (SessionKind kind : values()) {
            SEARCHED_FIELDS.put(kind, kind.listedByMinskysFields() ? List.of() : kind.listedFields().stream().map(FieldPath::new).toList());
        }
    }

    /**
     * Whether this kind's tool defines the top-level field {@code name} for its sessions; one it does not is kept and shown
     * all the same, marked. A session of no known kind is held to Minsky's fields.
     */
    public boolean defines(String name) {
        return switch (this) {
            case MINSKY, OTHER -> SessionField.byJsonName(name).isPresent();
            case CHAT -> CHAT_FIELDS.contains(name);
            case MAGELLAI -> MAGELLAI_FIELDS.contains(name);
        };
    }

    /** The chat server's session: its two tables' columns ({@code store.sql.ChatLayout}). */
    private static final Set<String> CHAT_FIELDS = Set.of("id", "tenantId", "userId", "traits", "createdAt", "messages");
    /** magellai's session file, as magellai writes it. */
    private static final Set<String> MAGELLAI_FIELDS = Set.of("id", "name", "conversation", "config", "created", "updated", "tags",
            "metadata", "parent_id", "child_ids", "branch_point", "branch_name");

    /** The tool whose sessions these are, by its name alone: "Minsky", "chat server", "magellai", "unknown tool". */
    public String toolName() {
        return switch (this) {
            case MINSKY -> "Minsky";
            case MAGELLAI -> "magellai";
            case CHAT -> "chat server";
            case OTHER -> "unknown tool";
        };
    }

    /** The tool as a sentence names it: "Minsky", "a chat server", "magellai", "an unknown tool". */
    public String tool() {
        return switch (this) {
            case MINSKY, MAGELLAI -> toolName();
            case CHAT -> "a " + toolName();
            case OTHER -> "an " + toolName();
        };
    }

    /** Whether this kind's sessions are listed by Minsky's fields (task, repo, branch, status): Minsky's, and any tool's not known. */
    public boolean listedByMinskysFields() {
        return this == MINSKY || this == OTHER;
    }

    /** Whether records are all of one kind, and which; none for no records or several kinds. */
    public static Optional<SessionKind> commonTo(List<SessionRecord> records) {
        Set<SessionKind> kinds = records.stream().map(SessionKind::of).collect(Collectors.toSet());
        return kinds.size() == 1 ? Optional.of(kinds.iterator().next()) : Optional.empty();
    }

    public static SessionKind of(SessionRecord record) {
        return byFields(record::has);
    }

    /** The kind of a record that has the top-level fields {@code has} answers for (one holding JSON null included), as {@link #of} tells it. */
    public static SessionKind byFields(Predicate<String> has) {
        if (has.test("conversation")) {
            return MAGELLAI;
        }
        if (has.test("session") || has.test("sessionId") || has.test("repoName")) {
            return MINSKY;
        }
        return has.test("tenantId") ? CHAT : OTHER;
    }
}
