package dev.sessiondb.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
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

    @Test
    void masksEachKindOfTokenInsideText() {
        assertThat(SecretMasker.maskText(null, "a ghs_abcdefghijklmnopqrst1234 b")).isEqualTo("a ****1234 b");
        assertThat(SecretMasker.maskText(null, "github_pat_11AAAAAAA_bbbbbbbbbbbbbb9876")).isEqualTo("****9876");
        assertThat(SecretMasker.maskText(null, "glpat-abcdefghij-klmnopqrs_tu")).isEqualTo("****s_tu");
        assertThat(SecretMasker.maskText(null, "key=sk-proj-abcdefghijklmnopqrstuv")).isEqualTo("key=****stuv");
        assertThat(SecretMasker.maskText(null, "xoxb-123456-7890")).isEqualTo("****7890");
    }

    @Test
    void masksASecretAssignedInFreeText() {
        assertThat(SecretMasker.maskText(null, "deploy with password=hunter2hunter2")).isEqualTo("deploy with password=****ter2");
        assertThat(SecretMasker.maskText(null, "export GITHUB_TOKEN: abcdefghij123; then run")).isEqualTo("export GITHUB_TOKEN: ****j123; then run");
        assertThat(SecretMasker.maskText(null, "db_password = 'swordfish1'")).isEqualTo("db_password = '****ish1'");
        assertThat(SecretMasker.maskText(null, "https://h/x?api_key=abcdef123&page=2")).isEqualTo("https://h/x?api_key=****f123&page=2");
        assertThat(SecretMasker.maskText(null, "token: ghp_abcdefghijklmnopqrst1234")).as("a token masked once").isEqualTo("token: ****1234");
    }

    @Test
    void leavesWordsThatOnlyResembleAnAssignedSecretAlone() {
        for (String text : List.of("tokenizer: trigram", "password reset: see the docs", "the password: is", "2025-05-09T14:32:00Z",
                "https://github.com/edobry/minsky.git", "secrets=", "token=****1234")) {
            assertThat(SecretMasker.maskText(null, text)).as(text).isEqualTo(text);
        }
    }

    @Test
    void aRepairKeepsAValueWithoutItsSecretAndDropsAFieldThatIsOne() {
        assertThat(SecretMasker.withoutSecrets("repoUrl", "https://alice:S3cretPassw0rd@github.com/edobry/minsky.git"))
                .isEqualTo("https://alice@github.com/edobry/minsky.git");
        assertThat(SecretMasker.withoutSecrets("branch", "feature/ghp_abcdefghijklmnopqrstuvwxyz0123456789")).isEqualTo("feature/****6789");
        assertThat(SecretMasker.withoutSecrets("notes", "deploy with password=hunter2hunter2")).isEqualTo("deploy with password=****ter2");
        assertThat(SecretMasker.withoutSecrets("token", "ghp_abcdefghijklmnopqrstuvwxyz0123456789")).isNull();
    }

    /** The masker looks for a token's start only where a whole token still fits: the last place is where the text ends with one. */
    @Test
    void findsAShortestTokenThatEndsTheText() {
        assertThat(SecretMasker.maskText(null, "xoxb-1234567890")).isEqualTo("****7890");
        assertThat(SecretMasker.maskText(null, "a xoxb-1234567890")).isEqualTo("a ****7890");
        assertThat(SecretMasker.maskText(null, "a xoxb-123456789")).as("one character short").isEqualTo("a xoxb-123456789");
        assertThat(SecretMasker.maskText(null, "é ghp_abcdefghijklmnopqrst")).as("after a two-byte character").isEqualTo("é ****qrst");
    }

    @Test
    void leavesTextThatOnlyLooksLikeTheStartOfATokenAlone() {
        assertThat(SecretMasker.maskText(null, "task-md#000123")).isEqualTo("task-md#000123");
        assertThat(SecretMasker.maskText(null, "sk-abcdefghijklmnopqrs")).as("19 characters after sk-").isEqualTo("sk-abcdefghijklmnopqrs");
        assertThat(SecretMasker.maskText(null, "ghx_abcdefghijklmnopqrstuvwxyz")).isEqualTo("ghx_abcdefghijklmnopqrstuvwxyz");
        assertThat(SecretMasker.maskText(null, "ghp_abcdefghij_klmnopqrstuvwxyz")).as("'_' ends a GitHub token's body").isEqualTo("ghp_abcdefghij_klmnopqrstuvwxyz");
    }

    /** The shapes as a specification, not the masker's own pattern: masking changes a text exactly when one of them is in it. */
    @Test
    void changesATextExactlyWhenATokenIsInIt() {
        Pattern token = Pattern.compile("gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|glpat-[A-Za-z0-9_-]{20,}"
                + "|sk-[A-Za-z0-9_-]{20,}|xox[abp]-[A-Za-z0-9-]{10,}");
        List<String> pieces = List.of("ghp_", "ghr_", "ghx_", "github_pat_", "glpat-", "sk-", "task-", "xoxb-", "xoxz-",
                "abcdefgh", "XYZ0123", "_", "-", "#", " ", "/", "gh", "xox");
        Random random = new Random(20261202);
        int withToken = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int piece = random.nextInt(12); piece >= 0; piece--) {
                text.append(pieces.get(random.nextInt(pieces.size())));
            }
            boolean holdsToken = token.matcher(text).find();
            withToken += holdsToken ? 1 : 0;
            assertThat(SecretMasker.maskText(null, text.toString()).equals(text.toString())).as(text.toString()).isEqualTo(!holdsToken);
        }
        assertThat(withToken).as("texts with a token among the 20,000").isBetween(1_000, 19_000);
    }
}
