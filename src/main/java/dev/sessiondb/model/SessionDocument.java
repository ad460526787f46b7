package dev.sessiondb.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * One session written out for the user to keep or share: the whole record as JSON, or, for a
 * session with a conversation (magellai, the chat server), a readable Markdown transcript.
 * Secrets are masked in both, as everywhere the app shows or writes a record; a transcript says so.
 */
public final class SessionDocument {

    /** How one session is written out. */
    public enum Format {
        JSON("json"), MARKDOWN("md");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        public String extension() {
            return extension;
        }
    }

    private SessionDocument() {
    }

    /** Whether the session carries a conversation, so a transcript has something to show. */
    public static boolean hasConversation(SessionRecord record) {
        return !record.messages().isEmpty();
    }

    /**
     * The session in a format; a transcript of a session without messages is refused.
     *
     * @throws IllegalArgumentException for a Markdown transcript of a session without a conversation
     */
    public static String write(SessionRecord record, Format format) {
        return format == Format.JSON ? json(record) : markdown(record);
    }

    /** The whole record, pretty-printed, secrets masked. */
    public static String json(SessionRecord record) {
        return JsonCodec.pretty(record.maskedFields()) + "\n";
    }

    /** A heading with what the session is (a chat's tenant and user, magellai's model), then every message as a section: role, time, then its text. */
    public static String markdown(SessionRecord record) {
        List<Message> messages = record.messages();
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("session '" + SecretMasker.maskText("session", record.key())
                    + "' has no conversation to write as a transcript; export it as JSON instead (--format json)");
        }
        ObjectNode masked = record.maskedFields();
        StringBuilder text = new StringBuilder();
        String title = masked.path("name").isTextual() ? masked.path("name").asText() : SecretMasker.maskText("session", record.key());
        text.append("# ").append(title).append("\n\n");
        JsonNode conversation = masked.path("conversation");
        line(text, "Session", SecretMasker.maskText("session", record.key()));
        line(text, "Tenant", first(masked, "tenantId"));
        line(text, "User", first(masked, "userId"));
        line(text, "Model", join(conversation.path("provider"), conversation.path("model")));
        line(text, "Created", first(masked, "created", "createdAt"));
        line(text, "Messages", String.valueOf(messages.size()));
        text.append("\nSecrets (tokens, passwords) are masked as ").append(SecretMasker.MASK).append(".\n");
        String systemPrompt = conversation.path("system_prompt").asText("");
        if (!systemPrompt.isBlank()) {
            text.append("\n## System prompt\n\n").append(SecretMasker.maskText(null, systemPrompt).strip()).append("\n");
        }
        for (Message message : messages) {
            text.append("\n## ").append(roleName(message.role()));
            if (message.timestamp() != null) {
                text.append(" · ").append(message.timestamp().text());
            }
            text.append("\n\n").append(SecretMasker.maskText(null, message.content() == null ? "" : message.content()).strip()).append("\n");
        }
        return text.toString();
    }

    private static void line(StringBuilder text, String label, String value) {
        if (value != null && !value.isBlank()) {
            text.append("- **").append(label).append(":** ").append(value).append("\n");
        }
    }

    private static String join(JsonNode provider, JsonNode model) {
        return String.join(" / ", Stream.of(provider.asText(""), model.asText("")).filter(part -> !part.isBlank()).toList());
    }

    private static String first(JsonNode record, String... names) {
        for (String name : names) {
            if (record.path(name).isValueNode()) {
                return record.path(name).asText();
            }
        }
        return null;
    }

    private static String roleName(String role) {
        if (role == null || role.isBlank()) {
            return "Message";
        }
        return role.substring(0, 1).toUpperCase(Locale.ROOT) + role.substring(1);
    }
}
