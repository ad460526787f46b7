package dev.sessiondb.sample;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.model.SessionRecord;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * Deterministic synthetic sessions with the variety real stores have: mixed task-id forms,
 * repo-name spellings, nested pull requests, unknown fields, tokens, 2026-era fields. One
 * factory feeds the tests, the demo and the benchmarks, and streams any number of records.
 */
public final class SampleSessions {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Instant EPOCH = Instant.parse("2025-01-06T09:00:00Z");
    private static final String[] REPOS = {"local/minsky", "local-minsky", "github.com/edobry/minsky", "local/magellai"};
    private static final String[] STATUSES = {"CREATED", "ACTIVE", "PR_OPEN", "PR_APPROVED", "MERGED", "CLOSED"};
    private static final String[] PR_STATES = {"open", "closed", "merged", "draft"};

    private SampleSessions() {
    }

    /** {@code count} Minsky sessions, streamed: nothing is held beyond the current record. */
    public static Iterator<SessionRecord> minsky(long count, long seed) {
        return new Iterator<>() {
            private long next;

            @Override
            public boolean hasNext() {
                return next < count;
            }

            @Override
            public SessionRecord next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return minskyRecord(next++, seed);
            }
        };
    }

    public static List<SessionRecord> minskyList(int count, long seed) {
        List<SessionRecord> records = new ArrayList<>(count);
        minsky(count, seed).forEachRemaining(records::add);
        return records;
    }

    /** One Minsky session; the same index and seed always give the same record. */
    public static SessionRecord minskyRecord(long index, long seed) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + index);
        String number = String.format("%06d", index);
        ObjectNode record = JSON.objectNode();
        boolean modern = random.nextInt(4) == 0;
        record.put(modern ? "sessionId" : "session", "task-md#" + number);
        String repo = REPOS[random.nextInt(REPOS.length)];
        record.put("repoName", repo);
        record.put("repoUrl", "https://github.com/edobry/" + repo.substring(repo.lastIndexOf('/') + 1) + ".git");
        Instant created = EPOCH.plus(Duration.ofMinutes(index * 7 + random.nextInt(5)));
        record.put("createdAt", created.toString());
        switch (random.nextInt(5)) {
            case 0 -> record.put("taskId", "#" + number);
            case 1 -> record.put("taskId", number);
            case 2 -> record.put("taskId", "md#" + number);
            case 3 -> record.put("taskId", "mt#" + number);
            default -> { } // a third of real records have no task id
        }
        record.put("branch", "task-md#" + number);
        record.put("repoPath", "/home/dev/.local/state/minsky/sessions/task-md#" + number);
        record.put("backendType", random.nextBoolean() ? "github" : "local");
        if (random.nextInt(3) == 0) {
            record.set("remote", JSON.objectNode().put("authMethod", "ssh").put("depth", 1));
        }
        if (random.nextInt(2) == 0) {
            record.put("prBranch", "pr/task-md#" + number);
            record.put("prApproved", random.nextBoolean());
            record.set("prState", JSON.objectNode().put("branchName", "pr/task-md#" + number).put("exists", true)
                    .put("lastChecked", created.plusSeconds(3600).toString()));
            ObjectNode pullRequest = JSON.objectNode().put("number", 100 + index).put("url", "https://github.com/edobry/minsky/pull/" + (100 + index))
                    .put("title", "Task " + number).put("state", PR_STATES[random.nextInt(PR_STATES.length)])
                    .put("createdAt", created.plusSeconds(7200).toString()).put("headBranch", "pr/task-md#" + number)
                    .put("baseBranch", "main").put("lastSynced", created.plusSeconds(9000).toString());
            pullRequest.set("github", JSON.objectNode().put("id", 9_000_000 + index).put("author", "edobry"));
            record.set("pullRequest", pullRequest);
        }
        if (modern) {
            record.put("status", STATUSES[random.nextInt(STATUSES.length)]);
            record.put("lastActivityAt", created.plusSeconds(86_400).toString());
            record.put("commitCount", random.nextInt(40));
            record.put("shortId", "ws#" + index);
        }
        if (random.nextInt(10) == 0) {
            record.put("agentNotes", "unknown field kept in order " + index);
        }
        return SessionRecord.of(record);
    }

    /**
     * The same Minsky session as a second machine keeps it: every third one moved on there (a
     * later status and activity, another PR state), so stores holding both disagree the way
     * copies kept on two machines do; the rest are identical.
     */
    public static SessionRecord minskyRecordElsewhere(long index, long seed) {
        SessionRecord here = minskyRecord(index, seed);
        if (index % 3 != 0) {
            return here;
        }
        Instant later = EPOCH.plus(Duration.ofMinutes(index * 7)).plus(Duration.ofDays(3));
        SessionRecord moved = here.with("status", STATUSES[(int) (index % STATUSES.length)])
                .with("lastActivityAt", later.toString());
        return here.pullRequest().isPresent() ? moved.with("prApproved", JSON.booleanNode(true)) : moved;
    }

    /** A session as the chat server keeps it: tenant, user, traits and a conversation. */
    public static SessionRecord chatRecord(long index) {
        Instant created = EPOCH.plus(Duration.ofMinutes(index * 3));
        ObjectNode record = JSON.objectNode();
        record.put("id", String.format("chat-%06d", index));
        record.put("tenantId", "tenant-" + (index % 3));
        if (index % 2 == 0) {
            record.put("userId", "user-" + index);
        }
        record.set("traits", JSON.objectNode().put("locale", "en").put("plan", index % 2 == 0 ? "pro" : "free"));
        record.put("createdAt", created.toString());
        ArrayNode messages = record.putArray("messages");
        String[] roles = {"system", "user", "assistant"};
        for (int i = 0; i < 3; i++) {
            messages.addObject().put("id", String.format("msg-%06d-%d", index, i)).put("role", roles[i])
                    .put("content", "message " + i + " of session " + index)
                    .put("timestamp", created.plusSeconds(i).toString());
        }
        return SessionRecord.of(record);
    }

    /**
     * A magellai session (one file per session): id, name, conversation with its messages,
     * RFC 3339 times with offsets, tags and metadata; some sessions are branches of another.
     */
    public static SessionRecord magellaiRecord(long index) {
        Instant created = EPOCH.plus(Duration.ofMinutes(index * 11));
        String id = String.format("%s-%04d", created.toString().substring(0, 10).replace("-", ""), index);
        ObjectNode record = JSON.objectNode();
        record.put("id", id);
        record.put("name", "Session " + index);
        ObjectNode conversation = record.putObject("conversation").put("id", "conv-" + id);
        ArrayNode messages = conversation.putArray("messages");
        String[] roles = {"system", "user", "assistant"};
        for (int i = 0; i < 3; i++) {
            messages.addObject().put("id", id + "-m" + i).put("role", roles[i]).put("content", "message " + i + " of " + id)
                    .put("timestamp", created.plusSeconds(i).toString()).putArray("attachments");
        }
        conversation.put("model", "gpt-4o").put("provider", "openai").put("temperature", new BigDecimal("0.7"))
                .put("max_tokens", 2048).put("system_prompt", "You are a helpful assistant.")
                .put("created", created.toString()).put("updated", created.plusSeconds(2).toString());
        record.put("created", created.atOffset(ZoneOffset.ofHours(2)).toString());
        record.put("updated", created.plusSeconds(2).atOffset(ZoneOffset.ofHours(2)).toString());
        record.putArray("tags").add(index % 2 == 0 ? "go" : "repl");
        record.putObject("metadata").put("source", "magellai");
        if (index % 4 == 3) {
            record.put("parent_id", String.format("%s-%04d", id.substring(0, 8), index - 1)).put("branch_point", 1)
                    .put("branch_name", "alternative " + index).putArray("child_ids");
        }
        return SessionRecord.of(record);
    }
}
