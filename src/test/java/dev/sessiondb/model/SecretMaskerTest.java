package dev.sessiondb.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class SecretMaskerTest {

    private static ObjectNode record() throws Exception {
        return JsonCodec.parseObject("""
                {"session": "s1", "github": {"owner": "edobry", "repo": "minsky", "token": "ghp_abcdefghijklmnopqrstuvwxyz0123456789"},
                 "notes": ["push with ghp_ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210"],
                 "repoUrl": "https://bot:hunter2secret@github.com/edobry/minsky.git", "commitCount": 4}
                """);
    }

    @Test
    void masksTokensByFieldNameByShapeAndInsideUrls() throws Exception {
        ObjectNode masked = SecretMasker.mask(record());
        assertThat(masked.path("github").path("token").asText()).isEqualTo("****6789");
        assertThat(masked.path("notes").get(0).asText()).isEqualTo("push with ****3210");
        assertThat(masked.path("repoUrl").asText()).isEqualTo("https://bot:****@github.com/edobry/minsky.git");
        assertThat(masked.path("github").path("owner").asText()).isEqualTo("edobry");
        assertThat(masked.path("commitCount").asInt()).isEqualTo(4);
    }

    @Test
    void leavesTheOriginalUntouched() throws Exception {
        ObjectNode original = record();
        SecretMasker.mask(original);
        assertThat(original.path("github").path("token").asText()).startsWith("ghp_");
    }

    @Test
    void namesThePathOfEverySecret() throws Exception {
        assertThat(SecretMasker.secretPaths(record())).containsExactly("github.token", "notes[0]", "repoUrl");
    }
}
