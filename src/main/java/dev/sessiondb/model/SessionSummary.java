package dev.sessiondb.model;

import java.util.List;

/**
 * A session in a few words beside its key, by what its kind's sessions have ({@link SessionKind}): Minsky's repository and
 * status or task and its number of fields; a chat server's tenant and user, magellai's name and model, and how many messages
 * either holds. Values are masked as tables show them.
 */
public final class SessionSummary {

    private SessionSummary() {
    }

    public static String of(SessionRecord record) {
        List<String> parts = switch (SessionKind.of(record)) {
            case CHAT -> List.of(labelled("tenant", record, "tenantId"), labelled("user", record, "userId"), messages(record));
            case MAGELLAI -> List.of(valueOr(record, "name", "no name"), labelled("model", record, "conversation.model"), messages(record));
            case MINSKY, OTHER -> List.of(valueOr(record, "repoName", "no repo"),
                    record.status().map(status -> SecretMasker.maskText("status", status))
                            .orElse(record.taskId().map(task -> "task " + SecretMasker.maskText("taskId", task)).orElse("no task")),
                    String.format("%d fields", record.fieldNames().size()));
        };
        return String.join(" · ", parts);
    }

    /** "tenant acme", or "no tenant" for a session without one. */
    private static String labelled(String label, SessionRecord record, String path) {
        String value = new FieldPath(path).text(record);
        return value.isEmpty() ? "no " + label : label + " " + value;
    }

    private static String valueOr(SessionRecord record, String path, String absent) {
        String value = new FieldPath(path).text(record);
        return value.isEmpty() ? absent : value;
    }

    private static String messages(SessionRecord record) {
        int count = record.messages().size();
        return count == 1 ? "1 message" : count + " messages";
    }
}
