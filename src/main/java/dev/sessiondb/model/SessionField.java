package dev.sessiondb.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The session fields Minsky defines (2025 and 2026 eras), with Minsky's camelCase JSON names. */
public enum SessionField {
    SESSION("session", FieldType.TEXT),
    SESSION_ID("sessionId", FieldType.TEXT),
    SHORT_ID("shortId", FieldType.TEXT),
    REPO_NAME("repoName", FieldType.TEXT),
    REPO_URL("repoUrl", FieldType.TEXT),
    CREATED_AT("createdAt", FieldType.TIMESTAMP),
    TASK_ID("taskId", FieldType.TEXT),
    BRANCH("branch", FieldType.TEXT),
    REPO_PATH("repoPath", FieldType.TEXT),
    BACKEND_TYPE("backendType", FieldType.TEXT),
    PR_BRANCH("prBranch", FieldType.TEXT),
    PR_APPROVED("prApproved", FieldType.BOOLEAN),
    PR_STATE("prState", FieldType.JSON),
    PULL_REQUEST("pullRequest", FieldType.JSON),
    REMOTE("remote", FieldType.JSON),
    GITHUB("github", FieldType.JSON),
    STATUS("status", FieldType.TEXT),
    LAST_ACTIVITY_AT("lastActivityAt", FieldType.TIMESTAMP),
    LAST_COMMIT_HASH("lastCommitHash", FieldType.TEXT),
    LAST_COMMIT_MESSAGE("lastCommitMessage", FieldType.TEXT),
    COMMIT_COUNT("commitCount", FieldType.INTEGER),
    AGENT_ID("agentId", FieldType.TEXT),
    PROJECT_ID("projectId", FieldType.TEXT),
    INTERFACE_BINDING("interfaceBinding", FieldType.JSON),
    MESSAGES("messages", FieldType.JSON);

    private static final Map<String, SessionField> BY_JSON_NAME =
            Arrays.stream(values()).collect(Collectors.toMap(SessionField::jsonName, Function.identity()));

    private final String jsonName;
    private final FieldType type;

    SessionField(String jsonName, FieldType type) {
        this.jsonName = jsonName;
        this.type = type;
    }

    public String jsonName() {
        return jsonName;
    }

    public FieldType type() {
        return type;
    }

    /** Minsky's PostgreSQL column name: camelCase turned into snake_case. */
    public String snakeName() {
        return jsonName.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    public static Optional<SessionField> byJsonName(String name) {
        return Optional.ofNullable(BY_JSON_NAME.get(name));
    }
}
