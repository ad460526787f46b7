package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.sessiondb.Fixtures;
import dev.sessiondb.job.StoreContents;
import dev.sessiondb.sample.SampleSessions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An audit found a migrate into the chat server's tables planned as fine for sessions without createdAt, then
 * stopped partway through the write on the first of them: the plan must name them up front, as it names a chat session
 * without a tenant.
 */
class ChatTargetCreatedAtTest {

    private static final String[] MAGELLAI_FILES = {
        "20250601-quick-question.json", "7f3c2a9e-5b1d-4c8e-9a60-2d4f8b1e0c37.json", "b81e4d02-9c6a-4f3b-8e15-6a2d9c0f7e41.json"};

    @TempDir
    Path dir;

    @Test
    void magellaiSessionsWithoutCreatedAtAreRefusedByThePlanNamingEachOne() throws Exception {
        Path sessions = Files.createDirectories(dir.resolve("magellai"));
        for (String file : MAGELLAI_FILES) {
            Fixtures.copy("/fixtures/magellai/" + file, sessions);
        }
        Path target = dir.resolve("chat.db");
        String journal = dir.resolve("journal").toString();

        CliRun plan = CliRun.of("migrate", "jsondir:" + sessions, "sqlite:" + target, "--layout", "chat", "--dry-run");
        CliRun run = CliRun.of("migrate", "jsondir:" + sessions, "sqlite:" + target, "--layout", "chat", "--backup-dir", journal);

        assertThat(plan.exitCode()).isEqualTo(2);
        assertThat(plan.out() + plan.err()).contains("the target would refuse 20250601-quick-question: has no createdAt text,"
                + " which the chat server's sessions table requires; add it", "would refuse 3 records", "sqlite:" + target);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("would refuse 3 records").doesNotContain("staging");
        assertThat(target).doesNotExist();
    }

    /** A chat server's session with an empty tenant was written into the sessions table with tenant_id '', which no tenant reaches. */
    @Test
    void aChatSessionWithoutATenantIsRefusedByThePlanBeforeAnyBackup() {
        String source = StoreContents.create("json:" + dir.resolve("chat.json"), List.of(SampleSessions.chatRecord(0),
                SampleSessions.chatRecord(1).with("tenantId", TextNode.valueOf(" ")), SampleSessions.chatRecord(2).with("tenantId", NullNode.getInstance())))
                .toString();
        Path target = dir.resolve("chat.db");
        Path journal = dir.resolve("journal");

        CliRun plan = CliRun.of("migrate", source, "sqlite:" + target, "--layout", "chat", "--dry-run");
        CliRun run = CliRun.of("migrate", source, "sqlite:" + target, "--layout", "chat", "--backup-dir", journal.toString());

        assertThat(plan.exitCode()).isEqualTo(2);
        assertThat(plan.out() + plan.err()).contains("would refuse 2 records", "the target would refuse chat-000001: has no tenantId text, which the chat"
                + " server's sessions table requires; set it by hand", "chat-000002: has no tenantId text").doesNotContain("chat-000000:");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("would refuse 2 records", "first chat-000001: has no tenantId text");
        assertThat(target).doesNotExist();
        assertThat(CliRun.of("undo", "--list", "--backup-dir", journal.toString()).out()).startsWith("No backups in");
    }
}
