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
        assertThat(SecretMasker.maskText(null, "id AKIAIOSFODNN7EXAMPLE and ASIAIOSFODNN7EXAMPLE")).isEqualTo("id ****MPLE and ****MPLE");
    }

    @Test
    void masksASecretAssignedInFreeTextWhole() {
        assertThat(SecretMasker.maskText(null, "deploy with password=hunter2hunter2")).isEqualTo("deploy with password=****");
        assertThat(SecretMasker.maskText(null, "export GITHUB_TOKEN: abcdefghij123; then run")).isEqualTo("export GITHUB_TOKEN: ****; then run");
        assertThat(SecretMasker.maskText(null, "db_password = 'swordfish1'")).isEqualTo("db_password = '****'");
        assertThat(SecretMasker.maskText(null, "https://h/x?api_key=abcdef123&page=2")).isEqualTo("https://h/x?api_key=****&page=2");
        assertThat(SecretMasker.maskText(null, "token: ghp_abcdefghijklmnopqrst1234")).as("a token masked once").isEqualTo("token: ****1234");
    }

    /** The end of a password is a part of it: only a token of a known shape keeps its last four characters. */
    @Test
    void showsNoPartOfAPassword() {
        assertThat(SecretMasker.maskText(null, "password: hunterCOLON")).isEqualTo("password: ****");
        assertThat(SecretMasker.maskText(null, "PASSWORD=hunterUPPER")).isEqualTo("PASSWORD=****");
        assertThat(SecretMasker.maskText(null, "passwd=hunterPASSWD")).isEqualTo("passwd=****");
        assertThat(SecretMasker.maskText(null, "pass: hunter6")).isEqualTo("pass: ****");
        assertThat(SecretMasker.maskText(null, "cfg password=Tr0ub4dor&3 x")).as("an '&' inside it, not before a URL's next parameter")
                .isEqualTo("cfg password=**** x");
        assertThat(SecretMasker.maskText(null, "password=a&b&c&d&e=1")).isEqualTo("password=****&e=1");
        assertThat(SecretMasker.maskText(null, "password='hunter QUOTED' then")).as("quoted, up to the closing quote").isEqualTo("password='****' then");
        assertThat(SecretMasker.maskText(null, "mysql --password=\"two words\" -u root")).isEqualTo("mysql --password=\"****\" -u root");
        assertThat(SecretMasker.maskText("password", "hunter2hunter2")).isEqualTo("****");
        assertThat(SecretMasker.maskText("apiKey", "abcdef1234567890")).isEqualTo("****");
        assertThat(SecretMasker.maskText("token", "ghp_abcdefghijklmnopqrstuvwxyz0123456789")).isEqualTo("****6789");
    }

    @Test
    void masksCommonFormsOfSecrets() {
        assertThat(SecretMasker.maskText(null, "https://0123456789abcdef0123456789abcdef01234567@github.com/x/y.git"))
                .isEqualTo("https://****@github.com/x/y.git");
        assertThat(SecretMasker.maskText(null, "https://0123456789ABCDEF0123456789abcdef01234567:x-oauth-basic@github.com/x"))
                .isEqualTo("https://****:****@github.com/x");
        assertThat(SecretMasker.maskText(null, "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2VjcmV0c2lnbmF0dXJl"))
                .isEqualTo("Authorization: Bearer ****");
        assertThat(SecretMasker.maskText(null, "curl -H 'authorization: bearer opaque-Token_123' https://api")).isEqualTo("curl -H 'authorization: bearer ****' https://api");
        assertThat(SecretMasker.maskText(null, "Authorization: Basic dXNlcjpwYXNz")).isEqualTo("Authorization: Basic ****");
        assertThat(SecretMasker.maskText(null, "aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")).isEqualTo("aws_secret_access_key=****");
        assertThat(SecretMasker.maskText(null, "{\"user\": \"bob\", \"password\": \"hunterJSON\"}")).isEqualTo("{\"user\": \"bob\", \"password\": \"****\"}");
        assertThat(SecretMasker.maskText(null, "spring.datasource.password=s3cret!")).isEqualTo("spring.datasource.password=****");
    }

    @Test
    void masksTheBodyOfEveryKindOfPrivateKey() {
        for (String kind : List.of("RSA PRIVATE KEY", "PRIVATE KEY", "OPENSSH PRIVATE KEY", "EC PRIVATE KEY", "ENCRYPTED PRIVATE KEY", "PGP PRIVATE KEY BLOCK")) {
            String pem = "-----BEGIN " + kind + "-----\nMIIEowIBAAKCAQEAsecretpemdata\nAbCd+/==\n-----END " + kind + "-----";
            assertThat(SecretMasker.maskText(null, "key:\n" + pem + "\nnext")).as(kind)
                    .isEqualTo("key:\n-----BEGIN " + kind + "-----****-----END " + kind + "-----\nnext");
        }
        assertThat(SecretMasker.maskText(null, "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0B")).as("cut before its END line")
                .isEqualTo("-----BEGIN PRIVATE KEY-----****");
    }

    @Test
    void leavesWordsThatOnlyResembleAnAssignedSecretAlone() {
        for (String text : List.of("tokenizer: trigram", "password reset: see the docs", "the password: is", "2025-05-09T14:32:00Z",
                "https://github.com/edobry/minsky.git", "secrets=", "token=****1234", "password: '****'", "passenger: Bob Smith", "bypass: enabled",
                "compass=north", "a basic example: this one")) {
            assertThat(SecretMasker.maskText(null, text)).as(text).isEqualTo(text);
        }
    }

    /**
     * A file path naming a secret word before a colon assigns nothing, and a git commit hash is no secret except as a URL's
     * user; a path's segment that assigns one has its value masked to the segment's end (a second audit: {@code feat/password=...}
     * in a branch was shown whole).
     */
    @Test
    void leavesPathsCommitHashesAndIdsAlone() {
        assertThat(SecretMasker.maskText(null, "/tmp/x/secret=abc/x.json: no such file")).isEqualTo("/tmp/x/secret=****/x.json: no such file");
        assertThat(SecretMasker.maskText(null, "C:\\keys\\token=abcd\\x.json")).isEqualTo("C:\\keys\\token=****\\x.json");
        assertThat(SecretMasker.maskText("branch", "feat/password=hunter4")).isEqualTo("feat/password=****");
        assertThat(SecretMasker.maskText("status", "Bearer abcdefghijklmnopqrstuvwxyz")).isEqualTo("Bearer ****");
        assertThat(SecretMasker.maskText(null, "Authorization: Bearer abcdefghijklmnopqrstuvwxyz")).isEqualTo("Authorization: Bearer ****");
        for (String text : List.of("/etc/passwd: neither JSON nor SQLite (first bytes unrecognised)", "0123456789abcdef0123456789abcdef01234567",
                "commit 0123456789abcdef0123456789abcdef01234567", "https://github.com/x/y/commit/0123456789abcdef0123456789abcdef01234567",
                "ssh://git@github.com/x/y.git", "3f2504e0-4f89-11d3-9a0c-0305e82c3301", "-----BEGIN PUBLIC KEY-----\nMIIBIjANBg\n-----END PUBLIC KEY-----")) {
            assertThat(SecretMasker.maskText(null, text)).as(text).isEqualTo(text);
        }
        assertThat(SecretMasker.maskText("commit", "0123456789abcdef0123456789abcdef01234567")).isEqualTo("0123456789abcdef0123456789abcdef01234567");
        assertThat(SecretMasker.maskText("sha", "0123456789abcdef0123456789abcdef01234567")).isEqualTo("0123456789abcdef0123456789abcdef01234567");
    }

    /** One detector: whatever masking changes, the secret-in-record check reports, and nothing else. */
    @Test
    void namesThePathOfEveryNewFormAndNoneOfOrdinaryFields() throws Exception {
        ObjectNode record = JsonCodec.parseObject("""
                {"session": "s1", "commit": "0123456789abcdef0123456789abcdef01234567", "sha": "89abcdef0123456789abcdef0123456789abcdef",
                 "path": "/etc/passwd: neither", "id": "3f2504e0-4f89-11d3-9a0c-0305e82c3301",
                 "a": "https://0123456789abcdef0123456789abcdef01234567@github.com/x/y.git", "b": "Authorization: Bearer abcdefghijklmnop",
                 "c": "AKIAIOSFODNN7EXAMPLE", "d": "aws_secret_access_key=wJalrXUtnFEMI/K7MDENG", "e": "-----BEGIN EC PRIVATE KEY-----\\nMHcC\\n-----END EC PRIVATE KEY-----",
                 "f": "{\\"password\\": \\"hunterJSON\\"}", "g": "pass: hunter6", "h": "password='hunter QUOTED'"}
                """);
        assertThat(SecretMasker.secretPaths(record)).containsExactly("a", "b", "c", "d", "e", "f", "g", "h");
        assertThat(SecretMasker.secretPaths(SecretMasker.mask(record))).as("masking again finds nothing").isEmpty();
    }

    /** What a repair may save: a URL without its credentials, never a mask in their place ("https://****@host" is a user named "****"). */
    @Test
    void aRepairTakesAUrlsCredentialsOutWholeAndWritesNoMask() {
        assertThat(SecretMasker.withoutUrlCredentials("https://alice:S3cretPassw0rd@github.com/edobry/minsky.git")).isEqualTo("https://github.com/edobry/minsky.git");
        assertThat(SecretMasker.withoutUrlCredentials("https://0123456789abcdef0123456789abcdef01234567@github.com/x/y.git")).isEqualTo("https://github.com/x/y.git");
        assertThat(SecretMasker.withoutUrlCredentials("https://ghp_abcdefghijklmnopqrstuvwxyz0123456789@github.com/x/y.git")).isEqualTo("https://github.com/x/y.git");
        assertThat(SecretMasker.withoutUrlCredentials("clone https://u:p@a/x then https://b/y")).isEqualTo("clone https://a/x then https://b/y");
        assertThat(SecretMasker.withoutUrlCredentials("ssh://git@github.com/x/y.git")).as("a user alone is no secret").isEqualTo("ssh://git@github.com/x/y.git");
        assertThat(SecretMasker.withoutUrlCredentials("https://github.com/x/y.git?u=a@b")).isEqualTo("https://github.com/x/y.git?u=a@b");
        assertThat(SecretMasker.isOnlyAToken(" glpat-ABCDEFGHIJKLMNOPQRST ")).isTrue();
        assertThat(SecretMasker.isOnlyAToken("feature/ghp_abcdefghijklmnopqrstuvwxyz0123456789")).isFalse();
        assertThat(SecretMasker.isSecretFieldName("client_secret")).isTrue();
        assertThat(SecretMasker.isSecretFieldName("Password")).isTrue();
        assertThat(SecretMasker.isSecretFieldName("commitCount")).isFalse();
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
                + "|sk-[A-Za-z0-9_-]{20,}|xox[abp]-[A-Za-z0-9-]{10,}|A[KS]IA[A-Za-z0-9]{16,}"
                + "|[sr]k_(?:live|test)_[A-Za-z0-9]{24,}|AIza[A-Za-z0-9_-]{35,}|npm_[A-Za-z0-9]{36,}|hf_[A-Za-z0-9]{34,}");
        List<String> pieces = List.of("ghp_", "ghr_", "ghx_", "github_pat_", "glpat-", "sk-", "task-", "xoxb-", "xoxz-", "AKIA", "ASIA", "AKIB",
                "sk_live_", "rk_test_", "sk_prod_", "AIza", "AIzb", "npm_", "npmx", "hf_", "hf",
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

    /** The audit: a MySQL password on the command line, a JWT, Stripe, Google and npm keys were shown in clear and not flagged. */
    @Test
    void masksTheCommonTokenShapesOfOtherServices() {
        String jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
        String google = "AIzaSyD" + "x".repeat(28) + "A1b2";
        assertThat(google).hasSize(39);
        assertThat(SecretMasker.maskText(null, "run mysql -u root -phunter2pw db")).isEqualTo("run mysql -u root -p**** db");
        assertThat(SecretMasker.maskText(null, "mysqldump -uroot -p'my pw' shop")).isEqualTo("mysqldump -uroot -p**** shop");
        assertThat(SecretMasker.maskText(null, "token " + jwt + " expired")).isEqualTo("token **** expired");
        assertThat(SecretMasker.maskText(null, "sk_live_51HxAbCdEfGhIjKlMnOpQrStUv and rk_live_51HxAbCdEfGhIjKlMnOpQrStUv"))
                .isEqualTo("****StUv and ****StUv");
        assertThat(SecretMasker.maskText(null, "key=" + google)).isEqualTo("key=****A1b2");
        assertThat(SecretMasker.maskText(null, "maps " + google)).isEqualTo("maps ****A1b2");
        assertThat(SecretMasker.maskText(null, "npm_" + "a1B2".repeat(9))).isEqualTo("****a1B2");
        assertThat(SecretMasker.isOnlyAToken(jwt)).as("a field holding only a JWT is removed whole by repair").isTrue();
    }

    /** The secrets audit: a Hugging Face access token, which agents' sessions hold beside OpenAI's keys, was shown whole. */
    @Test
    void masksAHuggingFaceTokenAndLeavesNamesThatStartLikeOne() {
        String token = "hf_" + "AbCdEfGhIjKlMnOpQrStUvWxYz01234567";
        assertThat(SecretMasker.maskText(null, "huggingface-cli login --token " + token)).isEqualTo("huggingface-cli login --token ****");
        assertThat(SecretMasker.maskText(null, "export HF=" + token + " then pull")).isEqualTo("export HF=****4567 then pull");
        assertThat(SecretMasker.maskText(null, "call hf_hub_download for the model")).isEqualTo("call hf_hub_download for the model");
        assertThat(SecretMasker.maskText(null, "hf_" + "a".repeat(33))).as("one character short").isEqualTo("hf_" + "a".repeat(33));
    }

    @Test
    void leavesWhatOnlyResemblesTheseShapesAlone() {
        List<String> ordinary = List.of("mkdir -p dir && git log -p", "mysql -p shop (asks for the password)", "mysql: run ps -p 42 then mkdir -p x",
                "eyJane met eyJohn", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9 alone", "eyJabc.eyJdef.ghi", "sk_live_short", "AIzaSy too short",
                "npm_config_cache_for_the_whole_build_directory", "npm_" + "a".repeat(35), "mysql -u root --port=3306 -P 3306 shop");
        for (String text : ordinary) {
            assertThat(SecretMasker.maskText(null, text)).as(text).isEqualTo(text);
        }
    }

    /** An audit: a secret's field held as a number, an array or an object, and a token kept as a name, were shown whole. */
    @Test
    void masksEveryValueUnderASecretsNameAndEveryNameThatIsOne() throws Exception {
        ObjectNode record = JsonCodec.parseObject("""
                {"session": "n1", "password": 123456789, "github": {"owner": "o", "token": ["plaintokenA", "plaintokenB"]},
                 "credentials": {"user": "bob", "value": "credvalue99"}, "apiKey": {"v": "nestedkey"},
                 "cache": {"ghp_KEYASNAMEabcdefghijklmnopqrstuv12": "repoA", "plain": "ghp_KEYASNAMEabcdefghijklmnopqrstuv12"},
                 "requiresPassword": false, "passwordHint": null, "maxTokens": 4096, "max_tokens": 8, "tokenCount": 3}
                """);
        ObjectNode masked = SecretMasker.mask(record);
        String shown = JsonCodec.compact(masked);
        for (String secret : List.of("123456789", "plaintokenA", "plaintokenB", "credvalue99", "nestedkey", "bob", "KEYASNAME")) {
            assertThat(shown).as(secret).doesNotContain(secret);
        }
        assertThat(masked.path("password").asText()).isEqualTo("****");
        assertThat(masked.path("github").path("token")).hasSize(2).allSatisfy(token -> assertThat(token.asText()).isEqualTo("****"));
        assertThat(masked.path("credentials").path("value").asText()).isEqualTo("****");
        assertThat(masked.path("cache").fieldNames()).toIterable().containsExactly("****uv12", "plain");
        assertThat(masked.path("cache").path("****uv12").asText()).isEqualTo("repoA");
        assertThat(masked.path("requiresPassword").asBoolean()).as("a boolean holds no secret").isFalse();
        assertThat(masked.path("passwordHint").isNull()).isTrue();
        assertThat(masked.path("maxTokens").asInt()).as("a number of a model's tokens").isEqualTo(4096);
        assertThat(masked.path("max_tokens").asInt()).isEqualTo(8);
        assertThat(masked.path("tokenCount").asInt()).isEqualTo(3);

        assertThat(SecretMasker.secretPaths(record)).containsExactly("password", "github.token", "credentials", "apiKey",
                "cache.ghp_KEYASNAMEabcdefghijklmnopqrstuv12", "cache.plain");
        assertThat(SecretMasker.secretPaths(masked)).as("what masking leaves is what the check would report: the masks themselves")
                .containsExactly("password", "github.token", "credentials", "apiKey");
    }

    @Test
    void twoNamesMaskedAlikeAreToldApart() throws Exception {
        ObjectNode masked = SecretMasker.mask(JsonCodec.parseObject("""
                {"cache": {"ghp_aaaaaaaaaaaaaaaaaaaaaaaaa1234": 1, "ghp_bbbbbbbbbbbbbbbbbbbbbbbbb1234": 2}}
                """));
        assertThat(masked.path("cache").fieldNames()).toIterable().containsExactly("****1234", "****1234 (2)");
    }

    /** Short words are secrets' names only as the last word of a name: "author" and "authMethod" are not, "pwd" and "basicAuth" are. */
    @Test
    void namesAPasswordByItsCommonShortAndLongNames() {
        for (String name : List.of("pwd", "db_pwd", "passphrase", "private_key", "privateKey", "auth", "basicAuth", "proxy-auth", "accessToken")) {
            assertThat(SecretMasker.maskText(name, "Basic dXNlcjpwYXNzd29yZA==")).as(name).isEqualTo("****");
        }
        for (String name : List.of("author", "authMethod", "oauthProvider", "cwd", "max_tokens", "inputTokens", "tokenLimit")) {
            assertThat(SecretMasker.maskText(name, "plainvalue")).as(name).isEqualTo("plainvalue");
        }
    }

    /** An audit: passwords assigned in a shell line, glued to a prefix or given to curl, were shown. */
    @Test
    void masksPasswordsAssignedInAShellLine() {
        assertThat(SecretMasker.maskText(null, "PGPASSWORD=pgsecret1 psql -h db")).isEqualTo("PGPASSWORD=**** psql -h db");
        assertThat(SecretMasker.maskText(null, "DBPASSWORD=dbsecret5")).isEqualTo("DBPASSWORD=****");
        assertThat(SecretMasker.maskText(null, "export MYPASSWORD=\"quoted secret6\"")).isEqualTo("export MYPASSWORD=\"****\"");
        assertThat(SecretMasker.maskText(null, "passphrase=phrase9x")).isEqualTo("passphrase=****");
        assertThat(SecretMasker.maskText(null, "{\"accessToken\": \"opaque1234\"}")).isEqualTo("{\"accessToken\": \"****\"}");
        assertThat(SecretMasker.maskText(null, "auth: Basic dXNlcjpwYXNzd29yZA==")).isEqualTo("auth: Basic ****");
        assertThat(SecretMasker.maskText(null, "curl -u admin:curlpass4 https://x")).isEqualTo("curl -u admin:**** https://x");
        assertThat(SecretMasker.maskText(null, "curl -s --user 'admin:curlpass4' https://x")).isEqualTo("curl -s --user 'admin:****' https://x");
        assertThat(SecretMasker.maskText(null, "curl -u admin:**** https://x")).as("masked once").isEqualTo("curl -u admin:**** https://x");
        for (String text : List.of("oauth: enabled", "author: Bob", "tokenizer: trigram", "max_tokens: 4096", "git push -u origin main",
                "docker run -u 1000:1000 img", "curl -o out.json https://x", "bypass: enabled")) {
            assertThat(SecretMasker.maskText(null, text)).as(text).isEqualTo(text);
        }
    }

    /** An audit: a password holding a '/', a '?' or a space was shown, and the first two even in a malformed locator's error. */
    @Test
    void masksAUrlsWholePasswordWhateverItHolds() {
        assertThat(SecretMasker.maskUrlPasswords("postgresql://u:pa/ss99@127.0.0.1:1/db: not a valid PostgreSQL URL (no host name)"))
                .isEqualTo("postgresql://u:****@127.0.0.1:1/db: not a valid PostgreSQL URL (no host name)");
        assertThat(SecretMasker.maskUrlPasswords("postgresql://u:p?ss96@127.0.0.1:1/db")).isEqualTo("postgresql://u:****@127.0.0.1:1/db");
        assertThat(SecretMasker.maskText(null, "clone https://bob:pa/ss@github.com/x/y.git now")).isEqualTo("clone https://bob:****@github.com/x/y.git now");
        assertThat(SecretMasker.maskText(null, "mysql://root:my secret@db/x")).isEqualTo("mysql://root:****@db/x");
        assertThat(SecretMasker.maskText(null, "a https://u:p@ss@host/x and b https://v:q/r@h2/y")).isEqualTo("a https://u:****@host/x and b https://v:****@h2/y");
        assertThat(SecretMasker.withoutUrlPasswords("https://bob:pa/ss@github.com/x/y.git")).isEqualTo("https://bob@github.com/x/y.git");
        for (String text : List.of("http://localhost:8080/x/@me", "http://localhost:3000 then mail me@example.com", "ssh://git@github.com/x/y.git",
                "https://registry.example/@scope/pkg", "http://[::1]:8080/a", "https://h/x?to=a@b.com", "see https://host:abc/d then e@f")) {
            assertThat(SecretMasker.maskText(null, text)).as(text).isEqualTo(text);
        }
        assertThat(SecretMasker.queryStart("postgresql://u:p?ss96@h:1/db?schema=s")).isEqualTo("postgresql://u:p?ss96@h:1/db".length());
        assertThat(SecretMasker.queryStart("json:/tmp/a?layout=chat")).isEqualTo("json:/tmp/a".length());
    }

    /** An audit: "...&sslpassword=secret: password refused" lost its colon to the mask, and a '#' after the value was masked with it. */
    @Test
    void masksAUrlParameterUpToItsEndOnly() {
        assertThat(SecretMasker.maskText(null, "postgresql://u@h/db?schema=s&sslpassword=secret: password refused"))
                .isEqualTo("postgresql://u@h/db?schema=s&sslpassword=****: password refused");
        assertThat(SecretMasker.maskText(null, "postgresql://u@h/db?sslpassword=secret&schema=s: no such schema"))
                .isEqualTo("postgresql://u@h/db?sslpassword=****&schema=s: no such schema");
        assertThat(SecretMasker.maskText(null, "https://h/x?a=1&password=se:cret&b=2#top then"))
                .isEqualTo("https://h/x?a=1&password=****&b=2#top then");
        assertThat(SecretMasker.maskText(null, "https://h/x?a=1&sslpassword=secret#top")).isEqualTo("https://h/x?a=1&sslpassword=****#top");
        assertThat(SecretMasker.maskText(null, "postgresql://u@h/db?sslpassword=se:cret")).isEqualTo("postgresql://u@h/db?sslpassword=****");
    }

    /** An audit: "postgresql://u:rw:p@ss/w?rd@host/db" was shown as "u:****@ss/w?rd@host": a password's '@' before a '/' or '?'. */
    @Test
    void masksAPasswordHoldingAnAtUpToTheLastAt() {
        assertThat(SecretMasker.maskUrlPasswords("postgresql://audit_rw:rw:p@ss/w?rd@127.0.0.1:55434/db?schema=t: cannot reach PostgreSQL"))
                .isEqualTo("postgresql://audit_rw:****@127.0.0.1:55434/db?schema=t: cannot reach PostgreSQL");
        assertThat(SecretMasker.maskUrlPasswords("see postgresql://u:a@b/c@h/d and https://v:w@x/y"))
                .isEqualTo("see postgresql://u:****@h/d and https://v:****@x/y");
    }

    /**
     * An audit: {@code DB_PASS} and its kin were shown as fields while "DB_PASS=x" in text was masked. One answer for a field's
     * name, a name assigned in text and validate's check: a secret's word ends a word of the name (snake, camel or kebab case).
     */
    @Test
    void oneAnswerForWhatIsASecretsNameInFieldsAndText() throws Exception {
        List<String> secrets = List.of("DB_PASS", "PGPASS", "MYSQL_PASS", "pass", "PASS", "db-pass", "sshPass", "rootpass", "passwd", "passphrase",
                "dbPassword", "PGPASSWORD", "passwords", "aws_secret_access_key", "SECRET_KEY", "basicAuth", "db_pwd", "accessToken");
        List<String> others = List.of("passed", "passes", "bypass", "proxy_bypass", "compass", "passenger", "pass_count", "passCount", "passage",
                "tokenizer", "secretary", "author", "oauth", "max_tokens", "password_count");
        for (String name : secrets) {
            ObjectNode record = JsonCodec.MAPPER.createObjectNode().put(name, "hunter2pw");
            assertThat(SecretMasker.isSecretFieldName(name)).as(name).isTrue();
            assertThat(SecretMasker.namesTheSecretItself(name)).as("repair removes " + name).isTrue();
            assertThat(SecretMasker.mask(record).path(name).asText()).as(name).isEqualTo("****");
            assertThat(SecretMasker.maskedValue(name, record.path(name)).asText()).as("a diff's side of " + name).isEqualTo("****");
            assertThat(SecretMasker.maskText(null, "export " + name + "=hunter2pw")).as(name).isEqualTo("export " + name + "=****");
            assertThat(SecretMasker.secretPaths(record)).as(name).containsExactly(name);
        }
        for (String name : others) {
            ObjectNode record = JsonCodec.MAPPER.createObjectNode().put(name, "hunter2pw");
            assertThat(SecretMasker.isSecretFieldName(name)).as(name).isFalse();
            assertThat(SecretMasker.maskText(null, name + ": hunter2pw")).as(name).isEqualTo(name + ": hunter2pw");
            assertThat(SecretMasker.secretPaths(record)).as(name).isEmpty();
        }
        assertThat(SecretMasker.maskText(null, "bypass: DB_PASS=hunter2pw")).as("a secret after a name that is none")
                .isEqualTo("bypass: DB_PASS=****");
    }

    /** An audit: passwords given to sshpass, a registry login or a long option after a space, and AWS secret keys without a sign, were shown. */
    @Test
    void masksPasswordsGivenAsCommandLineOptions() {
        String awsKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
        assertThat(SecretMasker.maskText(null, "sshpass -p sshpw123 ssh -p 22 host")).isEqualTo("sshpass -p **** ssh -p 22 host");
        assertThat(SecretMasker.maskText(null, "sshpass -p'quoted pw' ssh h")).isEqualTo("sshpass -p**** ssh h");
        assertThat(SecretMasker.maskText(null, "docker login -u me -p dockerpw1 ghcr.io")).isEqualTo("docker login -u me -p **** ghcr.io");
        assertThat(SecretMasker.maskText(null, "docker login -u me -p\"x y z\" ghcr.io")).isEqualTo("docker login -u me -p**** ghcr.io");
        assertThat(SecretMasker.maskText(null, "podman login --password dockerpw1 quay.io")).isEqualTo("podman login --password **** quay.io");
        assertThat(SecretMasker.maskText(null, "psql --password hunterpw2 -h db")).as("psql reads it as a database, the user meant a password")
                .isEqualTo("psql --password **** -h db");
        assertThat(SecretMasker.maskText(null, "psql --password hunterpw2; ls")).as("up to the command's end").isEqualTo("psql --password ****; ls");
        assertThat(SecretMasker.maskText(null, "mysql --password=mysqlpw9 shop")).isEqualTo("mysql --password=**** shop");
        assertThat(SecretMasker.maskText(null, "gh auth login --token 'tok en1'")).isEqualTo("gh auth login --token ****");
        assertThat(SecretMasker.maskText(null, "tool --db-pass dbpw77 run")).isEqualTo("tool --db-pass **** run");
        assertThat(SecretMasker.maskText(null, "aws configure set aws_secret_access_key " + awsKey)).isEqualTo("aws configure set aws_secret_access_key ****");
        assertThat(SecretMasker.maskText(null, "the secret " + awsKey + " leaked")).isEqualTo("the secret **** leaked");
        assertThat(SecretMasker.maskText(null, "AWS Secret Access Key [None]: " + awsKey)).isEqualTo("AWS Secret Access Key [None]: ****");
        for (String text : List.of("ssh -p 22 host", "sshpass -f pwfile ssh -p 22 host", "docker run -p 8080:80 img && git log -p",
                "docker login -u me --password-stdin ghcr.io", "pg_dump --no-password shop", "ansible-playbook --ask-pass site.yml",
                "tool --password-file /run/pw --token-count 5", "secret 0123456789abcdef0123456789abcdef01234567", "mkdir -p dir",
                "mysql -p shop (asks for the password)")) {
            assertThat(SecretMasker.maskText(null, text)).as(text).isEqualTo(text);
        }
        assertThat(SecretMasker.holdsSecret("docker login -p dockerpw1 r")).as("validate's check finds what masking hides").isTrue();
    }
}
